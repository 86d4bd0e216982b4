package io.aperture.policy.embargo;

import java.time.Instant;
import java.util.Objects;

/**
 * A request to extend an embargo by one step, waiting for (or having received) a staff decision.
 *
 * @param requestedBy             username of whoever filed it (the PI, or a staff member)
 * @param onBehalfOfEstablishment true when facility staff filed it for the PI's establishment
 * @param requestedAt             when it was filed
 * @param endAtRequest            the current end of the embargo when it was filed
 */
public record ExtensionRequest(String requestedBy, boolean onBehalfOfEstablishment, Instant requestedAt,
                               Instant endAtRequest) {
    public ExtensionRequest {
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(endAtRequest, "endAtRequest");
    }
}
