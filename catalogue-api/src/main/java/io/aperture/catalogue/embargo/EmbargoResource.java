package io.aperture.catalogue.embargo;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.model.Embargo;
import io.aperture.catalogue.model.ExtensionRequestRow;
import io.aperture.catalogue.model.Member;
import io.aperture.catalogue.model.Person;
import io.aperture.policy.access.Caller;
import io.aperture.policy.access.ProposalRole;
import io.aperture.policy.workflow.EmbargoWorkflow;
import io.aperture.policy.workflow.Outcome;
import io.aperture.policy.workflow.RefusalReason;
import io.aperture.policy.workflow.Verdict;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.util.*;

/**
 * The embargo workflow over HTTP. Every decision is the policy's; refusals come back as 4xx with the policy's reason
 * code and message, which the portal shows verbatim. An embargo the caller holds no role on answers 404, like one that
 * does not exist.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmbargoResource {
    private final EmbargoActions actions;
    private final EmbargoQueries queries;
    private final AccessControl access;

    EmbargoResource(EmbargoActions actions, EmbargoQueries queries, AccessControl access) {
        this.actions = actions;
        this.queries = queries;
        this.access = access;
    }

    @GET
    @Path("/me/proposals")
    @Authenticated
    @Operation(summary = "My proposals, my role on each, and their embargoes")
    public List<EmbargoActions.ProposalEmbargoes> myProposals() {
        return actions.myProposals(access.caller());
    }

    @POST
    @Path("/embargoes/{id}/extension-requests")
    @Authenticated
    @Operation(summary = "Request a 12-month extension (PI only, in the 3 months before the end)")
    public Response requestExtension(@PathParam("id") long id, JsonNode body) {
        Optional<String> justification = Optional.ofNullable(body).map(b -> b.path("justification").asText(null))
                .filter(s -> !s.isBlank());
        return answer(actions.requestExtension(access.caller(), id, justification), 201);
    }

    @POST
    @Path("/embargoes/{id}/early-release")
    @Consumes(MediaType.WILDCARD)
    @Authenticated
    @Operation(summary = "Release the data now, before the embargo ends (PI or alternate contact)")
    public Response releaseEarly(@PathParam("id") long id) {
        return answer(actions.releaseEarly(access.caller(), id), 200);
    }

    @GET
    @Path("/staff/extension-requests")
    @RolesAllowed("staff")
    @Transactional
    @Operation(summary = "Extension requests, pending ones first (staff)")
    public List<Map<String, Object>> requests(@QueryParam("status") @DefaultValue("PENDING") String status) {
        if (!Set.of("PENDING", "APPROVED", "REJECTED", "CANCELLED", "ALL").contains(status)) {
            throw new BadRequestException("status must be PENDING, APPROVED, REJECTED, CANCELLED or ALL");
        }
        List<ExtensionRequestRow> rows = queries.requests("ALL".equals(status) ? null : status);
        List<EmbargoView> views = queries.views(rows.stream().map(r -> r.embargo).toList());
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ExtensionRequestRow r = rows.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id);
            row.put("status", r.status);
            row.put("requestedBy", r.requestedBy);
            row.put("requestedAt", r.requestedAt);
            row.put("justification", r.justification);
            row.put("embargo", views.get(i));
            out.add(row);
        }
        return out;
    }

    @POST
    @Path("/staff/extension-requests/{id}/decision")
    @RolesAllowed("staff")
    @Operation(summary = "Approve or reject a pending extension request (staff; a rejection needs a reason)")
    public Response decide(@PathParam("id") long requestId, JsonNode body) {
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(body == null ? "" : body.path("verdict").asText(""));
        } catch (IllegalArgumentException ex) {
            return error(400, "INVALID_VERDICT", "verdict must be APPROVE or REJECT");
        }
        return answer(actions.decide(access.caller(), requestId, verdict, body.path("reason").asText(null)), 200);
    }

    @POST
    @Path("/staff/embargoes/{id}/withdraw")
    @RolesAllowed("staff")
    @Operation(summary = "Withdraw a record from public view for legal reasons (staff; reason required, audited)")
    public Response withdraw(@PathParam("id") long id, JsonNode body) {
        return answer(actions.withdraw(access.caller(), id, body == null ? null : body.path("reason").asText(null)), 200);
    }

    private Response answer(Optional<EmbargoActions.Result> result, int okStatus) {
        EmbargoActions.Result r = result.orElseThrow(NotFoundException::new);
        return switch (r.outcome()) {
            case Outcome.Accepted a -> Response.status(okStatus).entity(r.embargo()).build();
            case Outcome.Refused refused -> error(statusOf(refused.reason()), refused.reason().name(), refused.message());
        };
    }

    static int statusOf(RefusalReason reason) {
        return switch (reason) {
            case NOT_PRINCIPAL_INVESTIGATOR, ALTERNATE_CONTACT_MAY_NOT_EXTEND, NOT_PI_OR_ALTERNATE_CONTACT, NOT_STAFF -> 403;
            case REASON_REQUIRED -> 400;
            default -> 409;
        };
    }

    private static Response error(int status, String reason, String message) {
        return ApiError.of(status, message).withCode(reason).response();
    }
}
