package io.aperture.catalogue.events;

import io.aperture.policy.audit.AuditAction;
import io.aperture.policy.doi.DoiState;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One catalogue event, made from one audit row: the row's id is the event's id (a message sent twice after a crash
 * carries the same id), its action gives the type.
 */
public record CatalogueEvent(long id, String type, Instant at, String subjectType, String subject, String proposal,
                             Map<String, Object> details) {

    /** The audit actions archives and pipelines are told of; reads of protected data and index chores are not. */
    static final Set<String> PUBLISHED = Stream.concat(
            Stream.of(AuditAction.RELEASED, AuditAction.RELEASED_EARLY, AuditAction.EXTENSION_APPROVED, AuditAction.WITHDRAWN)
                    .map(Enum::name),
            Stream.of("RECORD_INGESTED", "RECORD_UPDATED", "DOI_ACCEPTED")).collect(Collectors.toUnmodifiableSet());

    /**
     * The event type of an audit action ({@code RECORD_INGESTED} → {@code record-ingested}), or empty when the action
     * is not published. A DOI change DataCite accepted is {@code doi-registered} once the DOI resolves (registered or findable).
     */
    static Optional<String> type(String action, Map<String, Object> details) {
        if (!PUBLISHED.contains(action)) {
            return Optional.empty();
        }
        if (action.equals("DOI_ACCEPTED")) {
            // the policy says which DOI states resolve; a DOI that now resolves has been registered
            boolean resolves = DoiState.resolving().stream().map(Enum::name).anyMatch(n -> n.equals(details.get("state")));
            return Optional.of(resolves ? "doi-registered" : "doi-changed");
        }
        return Optional.of(action.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
