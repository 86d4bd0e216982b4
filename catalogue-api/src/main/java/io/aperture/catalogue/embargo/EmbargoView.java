package io.aperture.catalogue.embargo;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** An embargo as its proposal's members and staff see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbargoView(long id, String subject, String proposal, String proposalTitle, String visit, String status,
                          boolean underEmbargo, Instant originalEnd, Instant currentEnd, Instant windowOpens, Instant releasedAt,
                          long datasets, PendingRequest pending, List<Decision> history) {

    public record PendingRequest(long id, String requestedBy, boolean onBehalf, Instant requestedAt, String justification) {}

    public record Decision(long id, String result, String decidedBy, Instant decidedAt, String reason, Instant endBefore,
                           Instant endAfter) {}
}
