package io.aperture.catalogue.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The counters of what the server did (docs/operations.md, "Metrics"), registered at start so that every series exists
 * from the first scrape (a rate over a series that appears late loses its first increase).
 */
@Startup
@ApplicationScoped
public class WorkCounters {
    /** The ingest outcomes, as the ingest API names them. */
    public static final List<String> INGEST_OUTCOMES = List.of("CREATED", "UPDATED", "UNCHANGED", "REJECTED");

    private final Map<String, Counter> ingested;
    private final Counter released;

    WorkCounters(MeterRegistry registry) {
        this.ingested = INGEST_OUTCOMES.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), outcome ->
                Counter.builder("aperture.ingest.records").tag("status", outcome.toLowerCase(Locale.ROOT))
                        .description("harvester records received, by outcome").register(registry)));
        this.released = Counter.builder("aperture.embargo.released")
                .description("embargoes the release job ended (data opened under the licence)").register(registry);
    }

    /** One record received with this outcome (an {@code IngestStatus} name). */
    public void ingested(String outcome) {
        Counter c = ingested.get(outcome);
        if (c == null) {
            throw new IllegalArgumentException("no ingest outcome " + outcome);
        }
        c.increment();
    }

    public void released(int embargoes) {
        released.increment(embargoes);
    }
}
