package io.aperture.catalogue.ingest;

import io.aperture.catalogue.facility.FacilityConfig;
import io.aperture.catalogue.model.Facility;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Registers the instruments named in {@code aperture.facility.instruments} at start, as the ingest would when a record
 * first names one (same rows, same pids), so the facility's instrument list does not wait for its first harvest.
 */
@ApplicationScoped
class ConfiguredInstruments {
    private final ReferenceData reference;
    private final FacilityConfig facility;

    ConfiguredInstruments(ReferenceData reference, FacilityConfig facility) {
        this.reference = reference;
        this.facility = facility;
    }

    void register(@Observes StartupEvent started) {
        List<String> names = facility.instruments().orElse(List.of());
        if (names.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Facility own = reference.facility(facility.code());
            names.stream().map(String::strip).filter(n -> !n.isEmpty())
                    .forEach(n -> reference.instrument(own, n, null));
        });
    }
}
