package io.aperture.policy.embargo;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbargoStateTest {

    private static final Instant END = Instant.parse("2027-06-10T14:00:00Z");

    @Test
    void aFreshEmbargoEndsThreeYearsAfterProduction() {
        EmbargoState s = EmbargoState.embargoed("ds-1", "MX1", Instant.parse("2024-06-10T14:00:00Z"),
                EmbargoRules.defaults());
        assertThat(s.originalEnd()).isEqualTo(END);
        assertThat(s.currentEnd()).isEqualTo(END);
        assertThat(s.status()).isEqualTo(EmbargoStatus.EMBARGOED);
        assertThat(s.releasedAt()).isEmpty();
        assertThat(s.pendingRequest()).isEmpty();
        assertThat(s.extensionHistory()).isEmpty();
        assertThat(s.isPublic()).isFalse();
    }

    @Test
    void rejectsInconsistentStates() {
        ExtensionRequest req = new ExtensionRequest("pi", false, END.minusSeconds(10), END);
        assertThatThrownBy(() -> new EmbargoState("ds", "p", END, END.minusSeconds(1), EmbargoStatus.EMBARGOED,
                Optional.empty(), Optional.empty(), List.of())).hasMessageContaining("before original end");
        assertThatThrownBy(() -> new EmbargoState("ds", "p", END, END, EmbargoStatus.RELEASED,
                Optional.empty(), Optional.empty(), List.of())).hasMessageContaining("release instant");
        assertThatThrownBy(() -> new EmbargoState("ds", "p", END, END, EmbargoStatus.EMBARGOED,
                Optional.of(END), Optional.empty(), List.of())).hasMessageContaining("cannot have a release instant");
        assertThatThrownBy(() -> new EmbargoState("ds", "p", END, END, EmbargoStatus.RELEASED,
                Optional.of(END), Optional.of(req), List.of())).hasMessageContaining("pending");
        assertThatThrownBy(() -> new ExtensionDecision(req, ExtensionDecision.Result.REJECTED, "staff", END,
                Optional.of("no"), END, END.plusSeconds(1))).hasMessageContaining("only an approval");
    }
}
