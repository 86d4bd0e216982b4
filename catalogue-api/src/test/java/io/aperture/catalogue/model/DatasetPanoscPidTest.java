package io.aperture.catalogue.model;

import io.aperture.policy.doi.DoiState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The PaNOSC pid the index holds for the {@code /Datasets} list (issue #12): the DOI only once it resolves. */
class DatasetPanoscPidTest {
    private static Dataset dataset(String doi, DoiState state) {
        Dataset d = new Dataset();
        d.pid = "local-1";
        d.doi = doi;
        d.doiState = state;
        return d;
    }

    @Test
    void theDoiOnceItResolvesElseTheLocalPid() {
        for (DoiState state : DoiState.values()) {
            String expected = state.resolves() ? "10.5555/x" : "local-1";
            assertThat(dataset("10.5555/x", state).getPanoscPid()).as(state.name()).isEqualTo(expected);
        }
        assertThat(DoiState.resolving()).as("some state resolves, so the first case is tested").isNotEmpty();
        assertThat(dataset(null, DoiState.resolving().getFirst()).getPanoscPid()).isEqualTo("local-1");
        assertThat(dataset(null, DoiState.initial()).getPanoscPid()).isEqualTo("local-1");
    }
}
