package io.aperture.catalogue.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.search.RankedSearch.Embedded;
import io.aperture.catalogue.search.RankedSearch.IndexedInstrument;
import io.aperture.catalogue.search.RankedSearch.IndexedParameter;
import io.aperture.catalogue.search.RankedSearch.IndexedTechnique;
import io.aperture.catalogue.search.RankedSearch.Ranked;
import io.aperture.catalogue.search.RankedSearch.Related;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What {@link RankedSearch} asks of each hit's {@code _source}, and how it reads the engine's answer back: the only
 * place that names these fields. Only the paths read are requested, so the engine sends nothing more (the embedded
 * parameters' SI values, name suffixes and lineage stay behind: about 4 KB per dataset, issue #12's profile).
 */
final class RankedHits {
    private static final List<String> OWN = List.of("pid", Dataset.PANOSC_PID, "title", "producedAt", "sizeBytes");
    private static final List<String> TECHNIQUE = List.of("techniques.iri", "techniques.label");
    private static final List<String> INSTRUMENT = List.of("instrument.pid", "instrument.name", "instrument.facilityCode");
    private static final List<String> PARAMETER = List.of("parameters.id", "parameters.name", "parameters.numericValue",
            "parameters.unit");

    private RankedHits() {
    }

    /** The {@code _source} paths of a page that reads these embedded objects along. */
    static List<String> source(Set<Related> related) {
        List<String> paths = new ArrayList<>(OWN);
        if (related.contains(Related.TECHNIQUES)) {
            paths.addAll(TECHNIQUE);
        }
        if (related.contains(Related.INSTRUMENT)) {
            paths.addAll(INSTRUMENT);
        }
        if (related.contains(Related.PARAMETERS)) {
            paths.addAll(PARAMETER);
        }
        return paths;
    }

    /**
     * The hits of a search answer, in its order. An answer the engine cut short ({@code timed_out}: it searched only
     * part of the index within the request's timeout) is an outage, as Hibernate Search's own fetch treats it.
     */
    static List<Ranked> read(JsonNode answer, Set<Related> related) {
        if (answer.path("timed_out").asBoolean(false)) {
            throw new SearchUnavailableException(new TimeoutException("the engine timed out and answered part of the index"));
        }
        JsonNode hits = answer.path("hits").path("hits");
        if (!hits.isArray()) {
            throw new IllegalStateException("the engine's answer has no list of hits");
        }
        List<Ranked> out = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            JsonNode s = hit.path("_source");
            JsonNode score = hit.path("_score");
            out.add(new Ranked(Long.parseLong(hit.path("_id").asText()), text(s, "pid"), text(s, Dataset.PANOSC_PID),
                    text(s, "title"), instant(s.path("producedAt")), whole(s.path("sizeBytes")),
                    score.isNumber() ? score.asDouble() : 0, embedded(s, related)));
        }
        return out;
    }

    private static Embedded embedded(JsonNode s, Set<Related> related) {
        if (related.isEmpty()) {
            return Embedded.NONE;
        }
        List<IndexedTechnique> techniques = new ArrayList<>();
        if (related.contains(Related.TECHNIQUES)) {
            for (JsonNode t : objects(s.path("techniques"))) {
                techniques.add(new IndexedTechnique(text(t, "iri"), text(t, "label")));
            }
        }
        IndexedInstrument instrument = null;
        JsonNode i = s.path("instrument");
        if (related.contains(Related.INSTRUMENT) && i.isObject()) {
            instrument = new IndexedInstrument(text(i, "pid"), text(i, "name"), text(i, "facilityCode"));
        }
        List<IndexedParameter> parameters = new ArrayList<>();
        if (related.contains(Related.PARAMETERS)) {
            for (JsonNode p : objects(s.path("parameters"))) {
                JsonNode value = p.path("numericValue");
                parameters.add(new IndexedParameter(whole(p.path("id")), text(p, "name"),
                        value.isNumber() ? value.asDouble() : null, text(p, "unit")));
            }
        }
        return new Embedded(List.copyOf(techniques), instrument, List.copyOf(parameters));
    }

    /** An embedded collection: the engine keeps what was indexed, a list or (one value) possibly a lone object. */
    private static List<JsonNode> objects(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n.isObject()) {
            out.add(n);
        } else if (n.isArray()) {
            n.forEach(e -> {
                if (e.isObject()) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    private static String text(JsonNode object, String field) {
        JsonNode v = object.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static Long whole(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        return v.isTextual() ? Long.valueOf(v.asText()) : null;
    }

    /** Hibernate Search writes an Instant as ISO-8601 with its offset ({@code Z}), fractions of a second as needed. */
    private static Instant instant(JsonNode v) {
        return v.isTextual() ? OffsetDateTime.parse(v.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant() : null;
    }
}
