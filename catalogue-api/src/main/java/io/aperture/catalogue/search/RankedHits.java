package io.aperture.catalogue.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.search.RankedSearch.Embedded;
import io.aperture.catalogue.search.RankedSearch.IndexedInstrument;
import io.aperture.catalogue.search.RankedSearch.IndexedParameter;
import io.aperture.catalogue.search.RankedSearch.IndexedTechnique;
import io.aperture.catalogue.search.RankedSearch.Ranked;
import io.aperture.catalogue.search.RankedSearch.Related;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

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

    private static final String NO_SOURCE = ",\"_source\":false}";

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
     * Hibernate Search's request body for a query that projects no {@code _source} ends with {@code "_source":false}, as
     * it writes it ({@code ElasticsearchSearchQueryBuilder}); that is replaced by the paths read. A body written
     * otherwise (another version) gets them through a tree of the body: the same request, only slower (a parse and a
     * write of the whole body on every page; issue #12's profile).
     */
    static String withSource(String written, Set<Related> related, ObjectMapper json) {
        List<String> paths = source(related);
        if (written.endsWith(NO_SOURCE)) {
            // the paths are this class's own field names: nothing in them needs escaping
            return written.substring(0, written.length() - NO_SOURCE.length()) + ",\"_source\":[\""
                    + String.join("\",\"", paths) + "\"]}";
        }
        try {
            ObjectNode body = (ObjectNode) json.readTree(written);
            ArrayNode source = body.putArray("_source");
            paths.forEach(source::add);
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // Hibernate Search wrote it: not the caller's input
        }
    }

    /**
     * How the engine's answer is read: bound straight into the records below, without a tree of the whole answer
     * (a page with parameters is some 60 KB; issue #12's profile). Properties not named are skipped; an embedded
     * collection the engine keeps as a lone object (one value was indexed) reads as a list of one.
     */
    static ObjectReader reader(ObjectMapper json) {
        return json.readerFor(Answer.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    }

    /**
     * The hits of a search answer, in its order, read with {@link #reader}. An answer the engine cut short
     * ({@code timed_out}: it searched only part of the index within the request's timeout) is an outage, as Hibernate
     * Search's own fetch treats it.
     */
    static List<Ranked> read(ObjectReader reader, InputStream answer, Set<Related> related) throws IOException {
        Answer a = reader.readValue(answer);
        if (a == null) {
            throw new IllegalStateException("the engine's answer is empty");
        }
        if (a.timedOut()) {
            throw new SearchUnavailableException(new TimeoutException("the engine timed out and answered part of the index"));
        }
        if (a.hits() == null || a.hits().hits() == null) {
            throw new IllegalStateException("the engine's answer has no list of hits");
        }
        List<Ranked> out = new ArrayList<>(a.hits().hits().size());
        for (Hit hit : a.hits().hits()) {
            Source s = hit.source() == null ? Source.NONE : hit.source();
            out.add(new Ranked(Long.parseLong(hit.id()), s.pid(), s.panoscPid(), s.title(), instant(s.producedAt()),
                    s.sizeBytes(), hit.score() == null ? 0 : hit.score(), embedded(s, related)));
        }
        return out;
    }

    private static Embedded embedded(Source s, Set<Related> related) {
        if (related.isEmpty()) {
            return Embedded.NONE;
        }
        List<IndexedTechnique> techniques = related.contains(Related.TECHNIQUES)
                ? present(s.techniques(), t -> new IndexedTechnique(t.iri(), t.label())) : List.of();
        Instrument i = s.instrument();
        IndexedInstrument instrument = related.contains(Related.INSTRUMENT) && i != null
                ? new IndexedInstrument(i.pid(), i.name(), i.facilityCode()) : null;
        List<IndexedParameter> parameters = related.contains(Related.PARAMETERS)
                ? present(s.parameters(), p -> new IndexedParameter(p.id(), p.name(), p.numericValue(), p.unit())) : List.of();
        return new Embedded(techniques, instrument, parameters);
    }

    /** An embedded collection as indexed, without the null entries a list may hold; absent is empty. */
    private static <T, R> List<R> present(List<T> values, Function<T, R> read) {
        if (values == null) {
            return List.of();
        }
        List<R> out = new ArrayList<>(values.size());
        for (T v : values) {
            if (v != null) {
                out.add(read.apply(v));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Hibernate Search writes an Instant as ISO-8601 with its offset ({@code Z}), fractions of a second as needed;
     * {@link Instant#parse} reads any offset, and in a third less time than through an OffsetDateTime (50 per page).
     */
    private static Instant instant(String v) {
        return v == null ? null : Instant.parse(v);
    }

    /** The parts of the engine's answer read; everything else in it is skipped. */
    record Answer(@JsonProperty("timed_out") boolean timedOut, Hits hits) {}

    record Hits(List<Hit> hits) {}

    record Hit(@JsonProperty("_id") String id, @JsonProperty("_score") Double score, @JsonProperty("_source") Source source) {}

    /** A hit's {@code _source}, as far as {@link #source} asks for it: the index's own field names. */
    record Source(String pid, @JsonProperty(Dataset.PANOSC_PID) String panoscPid, String title, String producedAt,
                  Long sizeBytes, List<Technique> techniques, Instrument instrument, List<Parameter> parameters) {
        static final Source NONE = new Source(null, null, null, null, null, null, null, null);
    }

    record Technique(String iri, String label) {}

    record Instrument(String pid, String name, String facilityCode) {}

    record Parameter(Long id, String name, Double numericValue, String unit) {}
}
