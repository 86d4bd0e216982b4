package io.aperture.policy.embargo;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionDateTest {

    private static final Instant END_TIME = Instant.parse("2024-03-01T12:00:00Z");
    private static final Instant MODIFIED = Instant.parse("2024-03-02T08:00:00Z");

    @Test
    void nexusEndTimeWinsOverFileModification() {
        assertThat(ProductionDate.ofDataset(Optional.of(END_TIME), Optional.of(MODIFIED))).contains(END_TIME);
    }

    @Test
    void fileModificationIsTheFallback() {
        assertThat(ProductionDate.ofDataset(Optional.empty(), Optional.of(MODIFIED))).contains(MODIFIED);
    }

    @Test
    void noDateAtAllIsEmpty() {
        assertThat(ProductionDate.ofDataset(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void aVisitIsProducedWhenItsLastDatasetWas() {
        assertThat(ProductionDate.ofVisit(List.of(MODIFIED, END_TIME, Instant.parse("2024-02-01T00:00:00Z"))))
                .contains(MODIFIED);
        assertThat(ProductionDate.ofVisit(List.of())).isEmpty();
    }
}
