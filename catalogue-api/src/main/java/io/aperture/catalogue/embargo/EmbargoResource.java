package io.aperture.catalogue.embargo;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.access.AccessControl;
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
    private final EmbargoService embargo;
    private final EmbargoQueries queries;
    private final EmbargoWorkflow workflow;
    private final AccessControl access;
    private final Clock clock;

    EmbargoResource(EmbargoService embargo, EmbargoQueries queries, EmbargoWorkflow workflow, AccessControl access, Clock clock) {
        this.embargo = embargo;
        this.queries = queries;
        this.workflow = workflow;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Path("/me/proposals")
    @Authenticated
    @Transactional
    @Operation(summary = "My proposals, my role on each, and their embargoes")
    public List<Map<String, Object>> myProposals() {
        Caller caller = access.caller();
        Person person = Person.byUsername(caller.username().orElseThrow());
        if (person == null) {
            return List.of();
        }
        Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
        for (Member m : Member.<Member>list("person = ?1 order by proposal.code", person)) {
            Map<String, Object> p = out.computeIfAbsent(m.proposal.id, id -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("proposal", m.proposal.code);
                row.put("pid", m.proposal.pid);
                row.put("title", m.proposal.title);
                row.put("roles", new ArrayList<String>());
                row.put("embargoes", queries.ofProposals(List.of(m.proposal.id)).stream().map(queries::view).toList());
                return row;
            });
            @SuppressWarnings("unchecked") List<String> roles = (List<String>) p.get("roles");
            roles.add(m.role.name());
        }
        return new ArrayList<>(out.values());
    }

    @POST
    @Path("/embargoes/{id}/extension-requests")
    @Authenticated
    @Transactional
    @Operation(summary = "Request a 12-month extension (PI only, in the 3 months before the end)")
    public Response requestExtension(@PathParam("id") long id, JsonNode body) {
        Embargo e = visibleOr404(id);
        Optional<String> justification = Optional.ofNullable(body).map(b -> b.path("justification").asText(null))
                .filter(s -> !s.isBlank()).map(s -> s.length() > 4000 ? s.substring(0, 4000) : s);
        Outcome o = embargo.apply(e, workflow.requestExtension(access.caller(), embargo.state(e), clock.instant()), justification);
        return answer(o, e, 201);
    }

    @POST
    @Path("/embargoes/{id}/early-release")
    @Consumes(MediaType.WILDCARD)
    @Authenticated
    @Transactional
    @Operation(summary = "Release the data now, before the embargo ends (PI or alternate contact)")
    public Response releaseEarly(@PathParam("id") long id) {
        Embargo e = visibleOr404(id);
        return answer(embargo.apply(e, workflow.releaseEarly(access.caller(), embargo.state(e), clock.instant()), Optional.empty()), e, 200);
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
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExtensionRequestRow r : queries.requests("ALL".equals(status) ? null : status)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id);
            row.put("status", r.status);
            row.put("requestedBy", r.requestedBy);
            row.put("requestedAt", r.requestedAt);
            row.put("justification", r.justification);
            row.put("embargo", queries.view(r.embargo));
            out.add(row);
        }
        return out;
    }

    @POST
    @Path("/staff/extension-requests/{id}/decision")
    @RolesAllowed("staff")
    @Transactional
    @Operation(summary = "Approve or reject a pending extension request (staff; a rejection needs a reason)")
    public Response decide(@PathParam("id") long requestId, JsonNode body) {
        ExtensionRequestRow r = ExtensionRequestRow.findById(requestId);
        if (r == null) {
            throw new NotFoundException();
        }
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(body == null ? "" : body.path("verdict").asText(""));
        } catch (IllegalArgumentException ex) {
            return error(400, "INVALID_VERDICT", "verdict must be APPROVE or REJECT");
        }
        Embargo e = embargo.lock(r.embargo.id).orElseThrow(NotFoundException::new);
        String reason = body.path("reason").asText(null);
        return answer(embargo.apply(e, workflow.decide(access.caller(), embargo.state(e), verdict, reason, clock.instant()),
                Optional.empty()), e, 200);
    }

    @POST
    @Path("/staff/embargoes/{id}/withdraw")
    @RolesAllowed("staff")
    @Transactional
    @Operation(summary = "Withdraw a record from public view for legal reasons (staff; reason required, audited)")
    public Response withdraw(@PathParam("id") long id, JsonNode body) {
        Embargo e = embargo.lock(id).orElseThrow(NotFoundException::new);
        String reason = body == null ? null : body.path("reason").asText(null);
        return answer(embargo.apply(e, workflow.withdraw(access.caller(), embargo.state(e), reason, clock.instant()), Optional.empty()), e, 200);
    }

    /** Only people with a role on the embargo's proposal, and staff, learn that an embargo exists. */
    private Embargo visibleOr404(long id) {
        Embargo e = embargo.lock(id).orElseThrow(NotFoundException::new);
        Caller c = access.caller();
        String proposal = EmbargoStore.proposalPid(e);
        boolean member = Arrays.stream(ProposalRole.values()).anyMatch(role -> c.holds(proposal, role));
        if (!member && !c.has(io.aperture.policy.access.FacilityRole.STAFF)) {
            throw new NotFoundException();
        }
        return e;
    }

    private Response answer(Outcome o, Embargo e, int okStatus) {
        return switch (o) {
            case Outcome.Accepted a -> Response.status(okStatus).entity(queries.view(e)).build();
            case Outcome.Refused r -> error(statusOf(r.reason()), r.reason().name(), r.message());
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
        return Response.status(status).entity(Map.of("error", Map.of("statusCode", status, "reason", reason, "message", message))).build();
    }
}
