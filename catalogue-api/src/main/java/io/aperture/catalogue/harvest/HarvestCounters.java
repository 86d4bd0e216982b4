package io.aperture.catalogue.harvest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The harvester's outcomes as counters (docs/operations.md, "Metrics"), counted from the reports it sends, so the
 * catalogue's one scrape target shows them; registered at start so every series exists from the first scrape.
 */
@Startup
@ApplicationScoped
public class HarvestCounters {
    private final Counter harvested;
    private final Counter refused;
    private final Counter waiting;
    private final Counter deadLetters;

    HarvestCounters(MeterRegistry registry) {
        this.harvested = files(registry, "harvested");
        this.refused = files(registry, "refused");
        this.waiting = Counter.builder("aperture.harvest.swmr.waits")
                .description("files found still open by a SWMR writer, to be harvested later").register(registry);
        this.deadLetters = Counter.builder("aperture.harvest.dead.letters")
                .description("broker messages harvest watch dead-lettered").register(registry);
    }

    private static Counter files(MeterRegistry registry, String outcome) {
        return Counter.builder("aperture.harvest.files").tag("outcome", outcome)
                .description("files the harvester reported, by outcome").register(registry);
    }

    void reported(HarvestReport r) {
        harvested.increment(r.harvested());
        refused.increment(r.count(HarvestEventKind.REFUSED));
        waiting.increment(r.count(HarvestEventKind.SWMR_WAITING));
        deadLetters.increment(r.count(HarvestEventKind.DEAD_LETTER));
    }
}
