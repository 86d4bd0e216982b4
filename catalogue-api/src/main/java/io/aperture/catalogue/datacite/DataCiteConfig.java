package io.aperture.catalogue.datacite;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The DataCite export ({@code aperture.datacite.*}). */
@ConfigMapping(prefix = "aperture.datacite")
public interface DataCiteConfig {
    /** The ROR id of this catalogue's facility, overriding the one stored with the facility. */
    Optional<String> publisherRor();

    /** The DataCite repository symbol named in oai_datacite records. */
    @WithDefault("APERTURE")
    String datacentreSymbol();
}
