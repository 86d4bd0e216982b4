package io.aperture.catalogue.embargo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.aperture.policy.workflow.Operation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An embargo as its proposal's members and staff see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbargoView(long id, String subject, String proposal, String proposalTitle, String visit, String status,
                          boolean underEmbargo, Instant originalEnd, Instant currentEnd, Instant windowOpens, Instant releasedAt,
                          long datasets, PendingRequest pending, List<Decision> history, Set<Operation> actions,
                          Map<Operation, String> unavailable) {

    /**
     * The same view with what the person looking at it may do (the policy's {@code available}) and why they may not do
     * the rest (its {@code unavailable}).
     */
    public EmbargoView withActions(Set<Operation> available, Map<Operation, String> why) {
        return new EmbargoView(id, subject, proposal, proposalTitle, visit, status, underEmbargo, originalEnd, currentEnd,
                windowOpens, releasedAt, datasets, pending, history, Set.copyOf(available), Map.copyOf(why));
    }

    /** Why no extension may be requested now, in the policy's words; null when it may. */
    @JsonIgnore
    public String whyNoExtension() {
        return unavailable.get(Operation.REQUEST_EXTENSION);
    }

    /** Why the data may not be released now, in the policy's words; null when it may. */
    @JsonIgnore
    public String whyNoRelease() {
        return unavailable.get(Operation.RELEASE_EARLY);
    }

    @JsonIgnore
    public boolean mayRequestExtension() {
        return actions.contains(Operation.REQUEST_EXTENSION);
    }

    @JsonIgnore
    public boolean mayReleaseEarly() {
        return actions.contains(Operation.RELEASE_EARLY);
    }

    public record PendingRequest(long id, String requestedBy, boolean onBehalf, Instant requestedAt, String justification) {}

    public record Decision(long id, String result, String decidedBy, Instant decidedAt, String reason, Instant endBefore,
                           Instant endAfter) {}
}
