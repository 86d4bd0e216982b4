package io.aperture.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.datacite.DataCiteConfig;
import io.aperture.catalogue.datacite.DataCiteMapper;
import io.aperture.catalogue.facility.FacilityConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * The home page's schema.org {@code DataCatalog}: what the landing pages' {@code includedInDataCatalog} names, with
 * the facility as publisher (with its ROR id when configured), so a crawler knows whose catalogue this is.
 */
@ApplicationScoped
public class CatalogueJsonLd {
    private final ObjectMapper mapper;
    private final String facility;
    private final String ror;

    CatalogueJsonLd(ObjectMapper mapper, FacilityConfig facility, DataCiteConfig datacite) {
        this.mapper = mapper;
        this.facility = facility.name();
        this.ror = datacite.publisherRor().flatMap(DataCiteMapper::ror).orElse(null);
    }

    /** @param catalogue the portal's public home page */
    public String of(String catalogue) {
        Map<String, Object> ld = DatasetJsonLd.map("@context", "https://schema.org/", "@type", "DataCatalog",
                "@id", catalogue, "name", DatasetJsonLd.CATALOGUE_NAME, "url", catalogue,
                "description", "Metadata of the datasets measured at " + facility + ", searchable and citable; "
                        + "each released dataset with its DOI, creators, techniques and licence.",
                "publisher", DatasetJsonLd.map("@type", "Organization", "name", facility, "sameAs", ror));
        return DatasetJsonLd.write(mapper, ld);
    }
}
