package io.aperture.catalogue.harvest;

import java.util.List;

/** One validated report: how many files were harvested since the last one, and the events. */
public record HarvestReport(long harvested, List<HarvestEvent> events) {
    public long count(HarvestEventKind kind) {
        return events.stream().filter(e -> e.kind() == kind).count();
    }
}
