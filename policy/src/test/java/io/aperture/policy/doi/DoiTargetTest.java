package io.aperture.policy.doi;

import io.aperture.policy.embargo.EmbargoStatus;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DoiTargetTest {

    @Test
    void releaseMakesEveryDoiFindableAndMintsOneWhereNoneExists() {
        for (DoiState current : DoiState.values()) {
            for (boolean reserve : new boolean[]{false, true}) {
                assertThat(DoiTarget.of(EmbargoStatus.RELEASED, current, reserve))
                        .contains(new DoiTarget(DoiState.FINDABLE, DoiTarget.Event.PUBLISH));
            }
        }
    }

    @Test
    void anEmbargoedRecordIsNeverFindableNorPublished() {
        for (DoiState current : DoiState.values()) {
            for (boolean reserve : new boolean[]{false, true}) {
                Optional<DoiTarget> t = DoiTarget.of(EmbargoStatus.EMBARGOED, current, reserve);
                t.ifPresent(target -> {
                    assertThat(target.state()).isNotEqualTo(DoiState.FINDABLE);
                    assertThat(target.event()).isNotEqualTo(DoiTarget.Event.PUBLISH);
                });
            }
        }
    }

    @Test
    void embargoedRecordsGetADraftOnlyWhenTheFacilityReservesThem() {
        assertThat(DoiTarget.of(EmbargoStatus.EMBARGOED, DoiState.NONE, false)).isEmpty();
        assertThat(DoiTarget.of(EmbargoStatus.EMBARGOED, DoiState.NONE, true))
                .contains(new DoiTarget(DoiState.DRAFT, DoiTarget.Event.NONE));
        assertThat(DoiTarget.of(EmbargoStatus.EMBARGOED, DoiState.DRAFT, true)).as("a draft needs no second call").isEmpty();
        assertThat(DoiTarget.of(EmbargoStatus.EMBARGOED, DoiState.REGISTERED, false))
                .contains(new DoiTarget(DoiState.REGISTERED, DoiTarget.Event.REGISTER));
        assertThat(DoiTarget.of(EmbargoStatus.EMBARGOED, DoiState.FINDABLE, false))
                .contains(new DoiTarget(DoiState.REGISTERED, DoiTarget.Event.HIDE));
    }

    @Test
    void withdrawalHidesAResolvingDoiAndMintsNothing() {
        assertThat(DoiTarget.of(EmbargoStatus.WITHDRAWN, DoiState.FINDABLE, true))
                .contains(new DoiTarget(DoiState.REGISTERED, DoiTarget.Event.HIDE));
        assertThat(DoiTarget.of(EmbargoStatus.WITHDRAWN, DoiState.REGISTERED, true))
                .contains(new DoiTarget(DoiState.REGISTERED, DoiTarget.Event.HIDE));
        assertThat(DoiTarget.of(EmbargoStatus.WITHDRAWN, DoiState.NONE, true)).isEmpty();
        assertThat(DoiTarget.of(EmbargoStatus.WITHDRAWN, DoiState.DRAFT, true)).isEmpty();
    }

    @Test
    void onlyRegisterAndPublishCarryMetadata() {
        assertThat(new DoiTarget(DoiState.FINDABLE, DoiTarget.Event.PUBLISH).sendsMetadata()).isTrue();
        assertThat(new DoiTarget(DoiState.REGISTERED, DoiTarget.Event.REGISTER).sendsMetadata()).isTrue();
        assertThat(new DoiTarget(DoiState.REGISTERED, DoiTarget.Event.HIDE).sendsMetadata()).isFalse();
        assertThat(new DoiTarget(DoiState.DRAFT, DoiTarget.Event.NONE).sendsMetadata()).isFalse();
        assertThat(new DoiTarget(DoiState.DRAFT, DoiTarget.Event.NONE).needsDoi()).isTrue();
    }

    @Test
    void agreesWithTheEmbargoTransitions() {
        // where DoiState.transitionOn names a change, the target is the state it leads to
        for (EmbargoStatus status : EmbargoStatus.values()) {
            DoiState.transitionOn(status).ifPresent(t ->
                    assertThat(DoiTarget.of(status, t.from(), false).map(DoiTarget::state)).contains(t.to()));
        }
    }
}
