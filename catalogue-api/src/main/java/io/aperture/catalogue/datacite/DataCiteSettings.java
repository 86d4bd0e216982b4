package io.aperture.catalogue.datacite;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * Configuration of the DataCite export. Every key is optional; the defaults suit the embedded stack.
 * <ul>
 *   <li>{@code aperture.public-url}: the portal's public base URL, used for landing-page links; when unset the base
 *       URL of the request is used;</li>
 *   <li>{@code aperture.datacite.publisher-ror}: the publisher's ROR id, overriding the facility's own;</li>
 *   <li>{@code aperture.datacite.datacentre-symbol}: the DataCite repository symbol named in oai_datacite records.</li>
 * </ul>
 */
@ApplicationScoped
public class DataCiteSettings {
    private final Optional<URI> publicUrl;
    private final Optional<String> publisherRor;
    private final String datacentreSymbol;

    DataCiteSettings(@ConfigProperty(name = "aperture.public-url") Optional<URI> publicUrl,
                     @ConfigProperty(name = "aperture.datacite.publisher-ror") Optional<String> publisherRor,
                     @ConfigProperty(name = "aperture.datacite.datacentre-symbol", defaultValue = "APERTURE") String datacentreSymbol) {
        this.publicUrl = publicUrl;
        this.publisherRor = publisherRor.filter(s -> !s.isBlank());
        this.datacentreSymbol = datacentreSymbol;
    }

    /** The configured public base URL, or {@code requestBase} when none is configured; always ends with '/'. */
    public URI publicBase(URI requestBase) {
        String base = publicUrl.orElse(requestBase).toString();
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    public Optional<String> publisherRor() {
        return publisherRor;
    }

    public String datacentreSymbol() {
        return datacentreSymbol;
    }
}
