package io.aperture.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A landing page's schema.org Dataset in JSON-LD, from what the page may show: embedded in the page and served alone. */
@ApplicationScoped
public class DatasetJsonLd {
    private final ObjectMapper mapper;

    DatasetJsonLd(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** JSON in which {@code </} is written {@code <\/} (same JSON), so a value cannot end the page's script element. */
    public String of(DatasetView d) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org/");
        ld.put("@type", "Dataset");
        ld.put("@id", d.doi() != null ? "https://doi.org/" + d.doi() : null);
        ld.put("identifier", d.doi() != null ? "https://doi.org/" + d.doi() : d.pid());
        ld.put("name", d.title());
        ld.put("publisher", Map.of("@type", "Organization", "name", d.facility()));
        ld.put("license", d.licenceUrl().toString());
        ld.put("isAccessibleForFree", d.licenceInForce());
        if (d.embargoed()) {
            ld.put("conditionsOfAccess", "Under embargo until " + d.embargoEnd());
        }
        if (d.showsMetadata()) {
            if (d.year() != null) {
                ld.put("temporalCoverage", d.start() != null && d.end() != null ? d.start() + "/" + d.end() : null);
            }
            ld.put("measurementTechnique", d.techniques().isEmpty() ? null : d.techniques());
            if (d.instrument() != null) {
                ld.put("instrument", Map.of("@type", "Thing", "name", d.instrument()));
            }
            List<Map<String, Object>> vars = d.parameters().stream().limit(50)
                    .map(p -> {
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put("@type", "PropertyValue");
                        v.put("name", p.name());
                        v.put("value", p.value());
                        if (p.unit() != null) {
                            v.put("unitText", p.unit());
                        }
                        return v;
                    }).toList();
            ld.put("variableMeasured", vars.isEmpty() ? null : vars);
        }
        ld.put("includedInDataCatalog", Map.of("@type", "DataCatalog", "name", "Aperture"));
        ld.values().removeIf(Objects::isNull);
        try {
            return mapper.writeValueAsString(ld).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
