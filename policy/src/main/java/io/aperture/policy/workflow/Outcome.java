package io.aperture.policy.workflow;

import io.aperture.policy.audit.AuditFact;
import io.aperture.policy.embargo.EmbargoState;

import java.util.List;
import java.util.Objects;

/** The result of a workflow operation: a new state with the facts to audit, or a refusal with its reason. */
public sealed interface Outcome permits Outcome.Accepted, Outcome.Refused {

    /**
     * The operation happened. The caller persists {@code state} and appends {@code facts} in one transaction.
     *
     * @param state the state after the operation
     * @param facts the audit facts, in the order they happened (never empty)
     */
    record Accepted(EmbargoState state, List<AuditFact> facts) implements Outcome {
        public Accepted {
            Objects.requireNonNull(state, "state");
            facts = List.copyOf(facts);
            if (facts.isEmpty()) {
                throw new IllegalArgumentException("an accepted operation is always audited");
            }
        }
    }

    /**
     * The operation was refused; nothing changed.
     *
     * @param reason  stable code
     * @param message sentence for the person who asked, shown verbatim by API and portal
     */
    record Refused(RefusalReason reason, String message) implements Outcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
