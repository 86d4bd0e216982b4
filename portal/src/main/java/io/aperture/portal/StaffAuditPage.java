package io.aperture.portal;

import io.aperture.catalogue.input.WholeNumber;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.audit.AuditChain;
import io.aperture.catalogue.audit.AuditResource;
import io.aperture.catalogue.audit.ChainStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The audit log for staff, newest first, a page at a time, with the API's filters (proposal, actor, action, from, to),
 * an export of the filtered range as CSV or JSON (oldest first, as the API answers), and the hash chain's state: the
 * rows added since the last check are verified on each visit, the whole chain on a schedule ({@link AuditChain}).
 */
@Path("/staff/audit")
@RolesAllowed("staff")
public class StaffAuditPage {
    /** Rows per page. */
    static final int PAGE = 50;
    /** The most rows an export carries (the API's limit). */
    static final int EXPORT = 50_000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditResource.Row> rows, AuditFilter filter, String newerLink,
                                             String olderLink, ChainStatus chain, String user);
    }

    private final AuditResource audit;
    private final AuditChain chain;
    private final AccessControl access;

    StaffAuditPage(AuditResource audit, AuditChain chain, AccessControl access) {
        this.audit = audit;
        this.chain = chain;
        this.access = access;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@BeanParam AuditFilter filter, @QueryParam("page") String pageParameter) {
        int page = WholeNumber.of("page", pageParameter, 1, EXPORT / PAGE + 1, 1);
        // one row more than a page says whether an older page exists, without counting the log
        List<AuditResource.Row> rows = rows(filter.query(audit, "json", PAGE + 1, "desc", (page - 1) * PAGE));
        boolean older = rows.size() > PAGE;
        String newer = page > 1 ? filter.link("/staff/audit", page - 1) : null;
        return Templates.audit(older ? rows.subList(0, PAGE) : rows, filter, newer,
                older ? filter.link("/staff/audit", page + 1) : null, chain.status(), access.caller().username().orElse(null));
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response csv(@BeanParam AuditFilter filter) {
        return filter.query(audit, "csv", EXPORT, "asc", 0);
    }

    @GET
    @Path("/export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@BeanParam AuditFilter filter) {
        return Response.fromResponse(filter.query(audit, "json", EXPORT, "asc", 0))
                .header("Content-Disposition", "attachment; filename=\"audit.json\"").build();
    }

    @SuppressWarnings("unchecked")
    private static List<AuditResource.Row> rows(Response r) {
        return (List<AuditResource.Row>) r.getEntity();
    }
}
