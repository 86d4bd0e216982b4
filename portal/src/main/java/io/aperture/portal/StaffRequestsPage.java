package io.aperture.portal;

import io.aperture.catalogue.input.WholeNumber;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.embargo.EmbargoActions;
import io.aperture.catalogue.embargo.EmbargoQueries;
import io.aperture.catalogue.embargo.EmbargoView;
import io.aperture.catalogue.input.UrlEncodedForm;
import io.aperture.catalogue.model.ExtensionRequestRow;
import io.aperture.policy.workflow.Outcome;
import io.aperture.policy.workflow.Verdict;
import io.aperture.portal.forms.FormToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Facility staff decide extension requests: a tab of those waiting, a tab of those decided (newest decision first).
 * A decision redirects to the decided tab (post/redirect/get), which names the request just decided.
 */
@Path("/staff/requests")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class StaffRequestsPage {
    /** The most decided requests the decided tab lists. */
    static final int DECIDED_SHOWN = 200;

    /** A request as the tabs list it: the decision fields are null while it waits. */
    public record Row(long id, String requestedBy, Instant requestedAt, String justification, String result,
                      String decidedBy, Instant decidedAt, String reason, Instant endAfter, EmbargoView embargo) {
        /** The decision as a word starting a sentence ("Approved"). */
        public String resultWord() {
            return result == null || result.isEmpty() ? "" : result.charAt(0) + result.substring(1).toLowerCase(Locale.ROOT);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance requests(List<Row> rows, boolean decidedTab, Row justDecided, String message,
                                                String user);
    }

    private final EmbargoActions actions;
    private final EmbargoQueries queries;
    private final AccessControl access;
    private final FormToken formToken;

    StaffRequestsPage(EmbargoActions actions, EmbargoQueries queries, AccessControl access, FormToken formToken) {
        this.actions = actions;
        this.queries = queries;
        this.access = access;
        this.formToken = formToken;
    }

    @GET
    @Transactional
    public TemplateInstance requests(@QueryParam("tab") String tab, @QueryParam("decided") String decidedParameter) {
        Long decided = WholeNumber.of("decided", decidedParameter, 1, Long.MAX_VALUE).orElse(null);
        boolean decidedTab = "decided".equals(tab);
        List<Row> rows = rows(decidedTab ? queries.decidedRequests(DECIDED_SHOWN) : queries.pendingRequests());
        Row just = decided == null ? null : rows.stream().filter(r -> r.id() == decided).findFirst().orElse(null);
        return Templates.requests(rows, decidedTab, just, null, user());
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, String body) {
        // the raw body, read by FormToken: malformed encoding is a 400 naming the form (not a decoder's 500), a form
        // without this browser's token a 403
        UrlEncodedForm form = formToken.read(body);
        String reason = form.first("reason").orElse(null);
        Verdict v;
        try {
            v = Verdict.valueOf(form.first("verdict").orElse(""));
        } catch (IllegalArgumentException e) {
            return refused("Choose approve or reject.", Response.Status.BAD_REQUEST);
        }
        EmbargoActions.Result r = actions.decide(access.caller(), id, v, reason).orElseThrow(NotFoundException::new);
        return switch (r.outcome()) {
            case Outcome.Accepted a -> Response.seeOther(URI.create("/staff/requests?tab=decided&decided=" + id)).build();
            case Outcome.Refused refused -> refused(refused.message(), Response.Status.CONFLICT);
        };
    }

    /** A refusal changes nothing, so the pending tab is answered at once, with the policy's words. */
    @Transactional
    Response refused(String message, Response.Status status) {
        List<Row> rows = rows(queries.pendingRequests());
        return Response.status(status).entity(Templates.requests(rows, false, null, message, user())).build();
    }

    private List<Row> rows(List<ExtensionRequestRow> requests) {
        List<EmbargoView> views = queries.views(requests.stream().map(r -> r.embargo).toList());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ExtensionRequestRow r = requests.get(i);
            rows.add(new Row(r.id, r.requestedBy, r.requestedAt, r.justification, r.decidedAt == null ? null : r.status,
                    r.decidedBy, r.decidedAt, r.decisionReason, r.endAfter, views.get(i)));
        }
        return rows;
    }

    private String user() {
        return access.caller().username().orElse(null);
    }
}
