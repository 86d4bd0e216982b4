package io.aperture.catalogue.datacite;

import io.aperture.catalogue.model.Facility;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * Configuration of the DataCite export. Every key is optional; the defaults suit the embedded stack.
 * <ul>
 *   <li>{@code aperture.public-url}: the portal's public base URL, used for landing-page links (the server's
 *       application.properties defaults it to {@code APERTURE_PUBLIC_URL}, else http://127.0.0.1:8080; a deployment
 *       without the key uses the base URL of the request);</li>
 *   <li>{@code aperture.datacite.publisher-ror}: the ROR id of this catalogue's facility ({@code aperture.facility.code}),
 *       overriding the one stored with the facility;</li>
 *   <li>{@code aperture.facility.name}: the facility's name as publisher (facility rows created on ingest only hold
 *       the code);</li>
 *   <li>{@code aperture.datacite.datacentre-symbol}: the DataCite repository symbol named in oai_datacite records.</li>
 * </ul>
 */
@ApplicationScoped
public class DataCiteSettings {
    private final Optional<URI> publicUrl;
    private final Optional<String> publisherRor;
    private final String datacentreSymbol;
    private final String facilityCode;
    private final String facilityName;

    DataCiteSettings(@ConfigProperty(name = "aperture.public-url") Optional<URI> publicUrl,
                     @ConfigProperty(name = "aperture.datacite.publisher-ror") Optional<String> publisherRor,
                     @ConfigProperty(name = "aperture.datacite.datacentre-symbol", defaultValue = "APERTURE") String datacentreSymbol,
                     @ConfigProperty(name = "aperture.facility.code", defaultValue = "DLS") String facilityCode,
                     @ConfigProperty(name = "aperture.facility.name") Optional<String> facilityName) {
        this.publicUrl = publicUrl;
        this.publisherRor = publisherRor.filter(s -> !s.isBlank());
        this.datacentreSymbol = datacentreSymbol;
        this.facilityCode = facilityCode;
        this.facilityName = facilityName.filter(n -> !n.isBlank()).orElse(null);
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

    /** The configured public base URL, or {@code requestBase} when none is configured; always ends with '/'. */
    public URI publicBase(URI requestBase) {
        String base = publicUrl.orElse(requestBase).toString();
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    public String datacentreSymbol() {
        return datacentreSymbol;
    }
}
