package io.aperture.catalogue.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.function.ToDoubleFunction;

/**
 * Outbox backlogs as gauges (docs/operations.md, "Metrics"): how much the index and DataCite are behind the database,
 * and how many DOI calls DataCite refused. Quarkus binds every MeterBinder bean to the Prometheus registry.
 */
@Singleton
public class BacklogMetrics implements MeterBinder {
    private final Backlogs backlogs;

    BacklogMetrics(AgroalDataSource dataSource, Clock clock) {
        this.backlogs = new Backlogs(dataSource, clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "aperture.outbox.backlog", "search", "changes queued, not yet acted on", Backlogs.Reading::searchQueued);
        gauge(registry, "aperture.outbox.oldest.age", "search", "age of the oldest queued change, seconds (0: none)",
                Backlogs.Reading::searchOldestSeconds);
        gauge(registry, "aperture.outbox.backlog", "doi", "changes queued, not yet acted on", Backlogs.Reading::doiPending);
        gauge(registry, "aperture.outbox.oldest.age", "doi", "age of the oldest queued change, seconds (0: none)",
                Backlogs.Reading::doiOldestSeconds);
        gauge(registry, "aperture.outbox.backlog", "notice", "changes queued, not yet acted on", Backlogs.Reading::noticePending);
        gauge(registry, "aperture.outbox.oldest.age", "notice", "age of the oldest queued change, seconds (0: none)",
                Backlogs.Reading::noticeOldestSeconds);
        Gauge.builder("aperture.notice.failed", backlogs, b -> b.now().noticeFailed())
                .description("e-mail notices given up after the last attempt, kept in notice_outbox")
                .register(registry);
        Gauge.builder("aperture.doi.failed", backlogs, b -> b.now().doiFailed())
                .description("DOI calls DataCite refused, kept for staff (GET /api/staff/doi/outbox)")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String outbox, String description,
                       ToDoubleFunction<Backlogs.Reading> value) {
        Gauge.builder(name, backlogs, b -> value.applyAsDouble(b.now())).tag("outbox", outbox)
                .description(description).register(registry);
    }
}
