package io.aperture.policy.access;

import java.util.Objects;

/**
 * The answer to "what may this caller see of this record".
 *
 * @param visibility how much may be shown
 * @param reason     why, in words fit for logs and staff tools (never shown to a caller who gets {@link Visibility#NONE},
 *                   who must get a plain 404)
 * @param audited    true when the access reaches non-public data through a facility role (staff or service provider);
 *                   the service must append an audit fact (see {@code AuditFact.protectedDataAccessed}) when it serves it
 */
public record AccessDecision(Visibility visibility, String reason, boolean audited) {
    public AccessDecision {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(reason, "reason");
        if (audited && !visibility.showsMetadata()) {
            throw new IllegalArgumentException("only an access that shows data is audited");
        }
    }
}
