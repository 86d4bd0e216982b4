package io.aperture.harvester.health;

import io.aperture.harvester.scan.RecordSink;

import java.util.List;

/** Where reports go: the catalogue's {@code POST /api/ingest/harvest-health}. */
public interface HealthSink {
    void report(long harvested, List<HealthEvent> events) throws RecordSink.SinkException;
}
