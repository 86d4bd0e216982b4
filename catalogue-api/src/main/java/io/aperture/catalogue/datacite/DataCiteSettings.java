package io.aperture.catalogue.datacite;

import io.aperture.catalogue.model.Facility;
import jakarta.enterprise.context.ApplicationScoped;
import io.aperture.catalogue.facility.FacilityConfig;

import java.util.Optional;

/**
 * Configuration of the DataCite export (landing-page links come from {@code PublicUrls}). Every key is optional; the
 * defaults suit the embedded stack.
 * <ul>
 *   <li>{@code aperture.datacite.publisher-ror}: the ROR id of this catalogue's facility ({@code aperture.facility.code}),
 *       overriding the one stored with the facility;</li>
 *   <li>{@code aperture.facility.name}: the facility's name as publisher (facility rows created on ingest only hold
 *       the code);</li>
 *   <li>{@code aperture.datacite.datacentre-symbol}: the DataCite repository symbol named in oai_datacite records.</li>
 * </ul>
 */
@ApplicationScoped
public class DataCiteSettings {
    private final Optional<String> publisherRor;
    private final String datacentreSymbol;
    private final String facilityCode;
    private final String facilityName;

    DataCiteSettings(DataCiteConfig config, FacilityConfig facility) {
        this.publisherRor = config.publisherRor().filter(s -> !s.isBlank());
        this.datacentreSymbol = config.datacentreSymbol();
        this.facilityCode = facility.code();
        this.facilityName = facility.name().isBlank() ? null : facility.name();
    }

    private boolean isOwn(Facility f) {
        return f.code != null && f.code.equalsIgnoreCase(facilityCode);
    }

    /** The facility's name: the configured one for this catalogue's own facility, otherwise the stored one. */
    public String facilityName(Facility f) {
        return isOwn(f) && facilityName != null ? facilityName : (f.name != null ? f.name : f.code);
    }

    /** The facility's ROR id as stored or configured (not yet normalised). */
    public Optional<String> facilityRor(Facility f) {
        return isOwn(f) && publisherRor.isPresent() ? publisherRor : Optional.ofNullable(f.ror);
    }

    public String datacentreSymbol() {
        return datacentreSymbol;
    }
}
