package io.aperture.portal;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.audit.AuditResource;
import io.aperture.catalogue.embargo.EmbargoActions;
import io.aperture.catalogue.embargo.EmbargoQueries;
import io.aperture.catalogue.embargo.EmbargoView;
import io.aperture.catalogue.model.ExtensionRequestRow;
import io.aperture.policy.workflow.Outcome;
import io.aperture.policy.workflow.Verdict;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Facility staff: decide extension requests, and read the audit log (the same queries as the API). */
@Path("/staff")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

    public record PendingRow(long id, String requestedBy, Instant requestedAt, String justification, EmbargoView embargo) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance requests(List<PendingRow> pending, String message, boolean refused, String user);

        static native TemplateInstance audit(List<AuditResource.Row> rows, String proposal, String action, String user);
    }

    private final EmbargoActions actions;
    private final EmbargoQueries queries;
    private final AccessControl access;
    private final AuditResource audit;

    StaffPages(EmbargoActions actions, EmbargoQueries queries, AccessControl access, AuditResource audit) {
        this.actions = actions;
        this.queries = queries;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Path("/requests")
    public TemplateInstance requests() {
        return renderRequests(null, false);
    }

    @POST
    @Path("/requests/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance decide(@PathParam("id") long id, @FormParam("verdict") String verdict, @FormParam("reason") String reason) {
        Verdict v;
        try {
            v = Verdict.valueOf(verdict);
        } catch (IllegalArgumentException | NullPointerException e) {
            return renderRequests("Choose approve or reject.", true);
        }
        EmbargoActions.Result r = actions.decide(access.caller(), id, v, reason).orElseThrow(NotFoundException::new);
        return switch (r.outcome()) {
            case Outcome.Accepted a -> renderRequests(v == Verdict.APPROVE ? "Approved: the embargo now ends on "
                    + r.embargo().currentEnd().toString().substring(0, 10) + "." : "Rejected.", false);
            case Outcome.Refused refused -> renderRequests(refused.message(), true);
        };
    }

    @GET
    @Path("/audit")
    public TemplateInstance audit(@QueryParam("proposal") String proposal, @QueryParam("action") String action) {
        @SuppressWarnings("unchecked")
        List<AuditResource.Row> rows = (List<AuditResource.Row>) audit.query(blank(proposal), null, blank(action), null, null, "json", 500)
                .getEntity();
        return Templates.audit(rows, proposal, action, access.caller().username().orElse(null));
    }

    @GET
    @Path("/audit.csv")
    @Produces("text/csv")
    public Response auditCsv(@QueryParam("proposal") String proposal, @QueryParam("action") String action) {
        return audit.query(blank(proposal), null, blank(action), null, null, "csv", 50_000);
    }

    @Transactional
    TemplateInstance renderRequests(String message, boolean refused) {
        List<ExtensionRequestRow> pending = queries.requests("PENDING");
        List<EmbargoView> views = queries.views(pending.stream().map(r -> r.embargo).toList());
        List<PendingRow> rows = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            ExtensionRequestRow r = pending.get(i);
            rows.add(new PendingRow(r.id, r.requestedBy, r.requestedAt, r.justification, views.get(i)));
        }
        return Templates.requests(rows, message, refused, access.caller().username().orElse(null));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
