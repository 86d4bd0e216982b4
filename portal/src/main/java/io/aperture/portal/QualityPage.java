package io.aperture.portal;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.quality.Grouping;
import io.aperture.catalogue.quality.QualityQuery;
import io.aperture.catalogue.quality.QualityReportResource;
import io.aperture.catalogue.quality.QualityReport;
import io.aperture.catalogue.quality.QualityReports;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.List;

/**
 * The staff quality page (issue #16): the quality report of {@code GET /api/staff/quality} per beamline, instrument,
 * application definition or year, with links that narrow it to one group and to the datasets behind a finding.
 * Only callers the policy lets review quality see it; anyone else logged in gets a 403 saying so.
 */
@Path("/quality")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class QualityPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance quality(QualityReport report, List<String> groupings,
                                               String filterQuery, String user);
    }

    private final AccessControl access;
    private final QualityReports reports;
    private final QualityReportResource api;

    QualityPage(AccessControl access, QualityReports reports, QualityReportResource api) {
        this.access = access;
        this.reports = reports;
        this.api = api;
    }

    /**
     * The exports, for the page's links: {@code /api/*} takes bearer tokens only, so a browser signed in to the portal
     * gets them here, answered by the API's resource (the same checks, the same refusals).
     */
    @GET
    @Path("/export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@QueryParam("by") String by, @QueryParam("beamline") String beamline,
                         @QueryParam("instrument") String instrument, @QueryParam("definition") String definition,
                         @QueryParam("year") String year) {
        return api.report(by == null ? "beamline" : by, beamline, instrument, definition, year, "json", "groups");
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("by") String by, @QueryParam("beamline") String beamline,
                        @QueryParam("instrument") String instrument, @QueryParam("definition") String definition,
                        @QueryParam("year") String year, @QueryParam("part") String part) {
        return api.report(by == null ? "beamline" : by, beamline, instrument, definition, year, "csv", part == null ? "groups" : part);
    }

    @GET
    @Transactional
    public Response page(@QueryParam("by") String by, @QueryParam("beamline") String beamline,
                         @QueryParam("instrument") String instrument, @QueryParam("definition") String definition,
                         @QueryParam("year") String year) {
        if (!access.mayReviewQuality()) {
            return Response.status(403).type(MediaType.TEXT_PLAIN)
                    .entity("The quality report is for facility staff.\n").build();
        }
        // a bad grouping or year is an InvalidInputException: a plain 400 naming it (ApiExceptionMappers)
        QualityQuery query = QualityQuery.of(by, beamline, instrument, definition, year);
        QualityReport report = reports.report(query.by(), query.filters());
        List<String> groupings = Arrays.stream(Grouping.values()).map(Grouping::key).toList();
        String user = access.caller().username().orElse(null);
        return Response.ok(Templates.quality(report, groupings, QualityLinks.filters(report), user)).build();
    }
}
