package io.aperture.catalogue.metrics;

import io.aperture.catalogue.ingest.IngestStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkCountersTest {

    @Test
    void everySeriesExistsAtZeroBeforeAnythingHappened() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new WorkCounters(registry);
        for (String outcome : new String[]{"created", "updated", "unchanged", "rejected"}) {
            assertThat(registry.get("aperture.ingest.records").tag("status", outcome).counter().count()).isZero();
        }
        assertThat(registry.get("aperture.embargo.released").counter().count()).isZero();
    }

    @Test
    void theOutcomesAreTheIngestApisAndCountSeparately() {
        assertThat(WorkCounters.INGEST_OUTCOMES)
                .containsExactlyElementsOf(Arrays.stream(IngestStatus.values()).map(Enum::name).toList());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        WorkCounters counters = new WorkCounters(registry);
        counters.ingested("CREATED");
        counters.ingested("CREATED");
        counters.ingested("REJECTED");
        counters.released(3);
        assertThat(registry.get("aperture.ingest.records").tag("status", "created").counter().count()).isEqualTo(2);
        assertThat(registry.get("aperture.ingest.records").tag("status", "rejected").counter().count()).isEqualTo(1);
        assertThat(registry.get("aperture.ingest.records").tag("status", "updated").counter().count()).isZero();
        assertThat(registry.get("aperture.embargo.released").counter().count()).isEqualTo(3);
        assertThatThrownBy(() -> counters.ingested("LOST")).isInstanceOf(IllegalArgumentException.class);
    }
}
