package io.aperture.catalogue.quality;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.input.InvalidInputException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/staff/quality}: the metadata-quality report for staff (docs/metadata-quality.md), as JSON or, one
 * part at a time, as CSV. It counts embargoed datasets too, so only callers the policy lets review quality get it.
 */
@Path("/api/staff/quality")
public class QualityReportResource {
    private final AccessControl access;
    private final QualityReports reports;

    QualityReportResource(AccessControl access, QualityReports reports) {
        this.access = access;
        this.reports = reports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Transactional
    @Operation(summary = "Metadata-quality report (staff): by=beamline|instrument|definition|year, filters beamline, "
            + "instrument, definition, year; format=json|csv, part=groups|findings|trend (CSV)")
    public Response report(@QueryParam("by") @DefaultValue("beamline") String by,
                           @QueryParam("beamline") String beamline, @QueryParam("instrument") String instrument,
                           @QueryParam("definition") String definition, @QueryParam("year") String year,
                           @QueryParam("format") @DefaultValue("json") String format,
                           @QueryParam("part") @DefaultValue("groups") String part) {
        if (!access.mayReviewQuality()) {
            return access.caller().isAnonymous()
                    ? ApiError.of(401, "log in as facility staff to see the quality report").response()
                    : ApiError.of(403, "the quality report is for facility staff").withCode("STAFF_ONLY").response();
        }
        QualityQuery query = QualityQuery.of(by, beamline, instrument, definition, year);
        QualityReport report = reports.report(query.by(), query.filters());
        return switch (format) {
            case "json" -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case "csv" -> {
                if (!QualityCsv.PARTS.contains(part)) {
                    throw new InvalidInputException("part", "must be one of " + String.join(", ", QualityCsv.PARTS));
                }
                yield Response.ok(QualityCsv.write(report, part), "text/csv")
                        .header("Content-Disposition", "attachment; filename=\"quality-" + report.by() + "-" + part + ".csv\"")
                        .build();
            }
            default -> throw new InvalidInputException("format", "must be json or csv");
        };
    }
}
