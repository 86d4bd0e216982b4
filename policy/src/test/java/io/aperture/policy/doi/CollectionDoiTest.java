package io.aperture.policy.doi;

import io.aperture.policy.access.ExportDetail;
import io.aperture.policy.embargo.EmbargoStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionDoiTest {

    @Test
    void oneReleasedDatasetMakesTheCollectionFindableWhateverItsDoiWas() {
        for (DoiState current : DoiState.values()) {
            assertThat(CollectionDoi.target(List.of(EmbargoStatus.EMBARGOED, EmbargoStatus.RELEASED), current))
                    .contains(new DoiTarget(DoiState.FINDABLE, DoiTarget.Event.PUBLISH));
            assertThat(CollectionDoi.target(List.of(EmbargoStatus.RELEASED, EmbargoStatus.WITHDRAWN), current))
                    .contains(new DoiTarget(DoiState.FINDABLE, DoiTarget.Event.PUBLISH));
        }
    }

    @Test
    void aCollectionWithNothingReleasedIsNeitherMintedNorReserved() {
        for (List<EmbargoStatus> members : List.of(List.<EmbargoStatus>of(), List.of(EmbargoStatus.EMBARGOED),
                List.of(EmbargoStatus.EMBARGOED, EmbargoStatus.WITHDRAWN), List.of(EmbargoStatus.WITHDRAWN))) {
            assertThat(CollectionDoi.target(members, DoiState.NONE)).as("%s", members).isEmpty();
            assertThat(CollectionDoi.target(members, DoiState.REGISTERED)).as("already hidden: %s", members).isEmpty();
        }
    }

    @Test
    void aFindableCollectionIsHiddenWhenNothingOfItIsReleasedAnyMore() {
        assertThat(CollectionDoi.target(List.of(EmbargoStatus.WITHDRAWN), DoiState.FINDABLE))
                .contains(new DoiTarget(DoiState.REGISTERED, DoiTarget.Event.HIDE));
        assertThat(CollectionDoi.target(List.of(EmbargoStatus.WITHDRAWN, EmbargoStatus.EMBARGOED), DoiState.FINDABLE))
                .contains(new DoiTarget(DoiState.REGISTERED, DoiTarget.Event.HIDE));
    }

    @Test
    void onlyMembersOpenInFullAreListedAndOnlyAFindableCollectionIsNamed() {
        assertThat(CollectionDoi.lists(Optional.of(ExportDetail.FULL))).isTrue();
        assertThat(CollectionDoi.lists(Optional.of(ExportDetail.MINIMAL))).as("a registered DOI under embargo").isFalse();
        assertThat(CollectionDoi.lists(Optional.empty())).isFalse();
        assertThat(CollectionDoi.named(DoiState.FINDABLE)).isTrue();
        for (DoiState s : List.of(DoiState.NONE, DoiState.DRAFT, DoiState.REGISTERED)) {
            assertThat(CollectionDoi.named(s)).as("%s", s).isFalse();
        }
    }
}
