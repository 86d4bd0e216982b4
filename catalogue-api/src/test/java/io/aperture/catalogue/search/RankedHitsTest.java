package io.aperture.catalogue.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.aperture.catalogue.search.RankedSearch.IndexedInstrument;
import io.aperture.catalogue.search.RankedSearch.IndexedParameter;
import io.aperture.catalogue.search.RankedSearch.IndexedTechnique;
import io.aperture.catalogue.search.RankedSearch.Ranked;
import io.aperture.catalogue.search.RankedSearch.Related;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PaNOSC list's engine request asks only for the paths it reads, and reads the engine's answer as indexed. */
class RankedHitsTest {
    private static final ObjectReader READER = RankedHits.reader(new ObjectMapper());

    private static InputStream answer(String hits) {
        return json("{\"took\":3,\"timed_out\":false,\"_shards\":{\"total\":2,\"failed\":0},"
                + "\"hits\":{\"max_score\":null,\"hits\":[" + hits + "]}}");
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Ranked> read(InputStream answer, Set<Related> related) throws IOException {
        return RankedHits.read(READER, answer, related);
    }

    @Test
    void onlyTheListsOwnPathsAndThoseOfTheRelationsReadAlongAreRequested() {
        assertThat(RankedHits.source(Set.of())).containsExactly("pid", "panoscPid", "title", "producedAt", "sizeBytes");
        assertThat(RankedHits.source(EnumSet.of(Related.PARAMETERS))).contains("parameters.id", "parameters.numericValue")
                .doesNotContain("parameters", "techniques.iri", "instrument.name");
        assertThat(RankedHits.source(EnumSet.allOf(Related.class))).contains("techniques.label", "instrument.facilityCode",
                "parameters.unit").doesNotContain("techniques", "instrument", "parameters");
    }

    @Test
    void theBodyAsksForThePathsReadInPlaceOfNoSourceAndOtherwiseAddsThem() throws Exception {
        ObjectMapper json = new ObjectMapper();
        // as Hibernate Search ends a body that projects nothing from the source, and as another writer might not
        String asWritten = "{\"query\":{\"match_all\":{}},\"sort\":[\"_score\"],\"_source\":false}";
        String otherwise = "{\"_source\":false,\"query\":{\"match_all\":{}},\"sort\":[\"_score\"]}";
        Set<Related> related = EnumSet.of(Related.PARAMETERS);

        for (String written : List.of(asWritten, otherwise)) {
            var body = json.readTree(RankedHits.withSource(written, related, json));
            assertThat(body.get("query")).isEqualTo(json.readTree("{\"match_all\":{}}"));
            assertThat(body.get("sort")).isEqualTo(json.readTree("[\"_score\"]"));
            assertThat(json.convertValue(body.get("_source"), List.class)).isEqualTo(RankedHits.source(related));
            assertThat(body.size()).isEqualTo(3);
        }
        assertThat(RankedHits.withSource("{\"query\":{}}", Set.of(), json))
                .isEqualTo("{\"query\":{},\"_source\":[\"pid\",\"panoscPid\",\"title\",\"producedAt\",\"sizeBytes\"]}");
    }

    @Test
    void aHitIsReadWithItsRelevanceItsPropertiesAndTheObjectsAskedFor() throws Exception {
        List<Ranked> hits = read(answer("""
                {"_index":"dataset-000001","_id":"42","_score":2.5,"_source":{"pid":"ds-42","panoscPid":"10.5072/x-42",
                 "title":"Lysozyme","producedAt":"2021-03-04T05:06:07.123456789Z","sizeBytes":1234567890123,
                 "techniques":[{"iri":"http://purl.org/pan-science/PaNET/PaNET01188","label":"small angle x-ray scattering"}],
                 "instrument":{"pid":"i22","name":"I22","facilityCode":"DLS"},
                 "parameters":[{"id":7,"name":"sample_temperature","numericValue":100.5,"unit":"K"},
                               {"id":8,"name":"beamline","unit":""}]}}"""), EnumSet.allOf(Related.class));

        assertThat(hits).hasSize(1);
        Ranked h = hits.getFirst();
        assertThat(h.id()).isEqualTo(42L);
        assertThat(h.pid()).isEqualTo("ds-42");
        assertThat(h.panoscPid()).isEqualTo("10.5072/x-42");
        assertThat(h.complete()).isTrue();
        assertThat(h.title()).isEqualTo("Lysozyme");
        assertThat(h.producedAt()).isEqualTo(Instant.parse("2021-03-04T05:06:07.123456789Z"));
        assertThat(h.sizeBytes()).isEqualTo(1234567890123L);
        assertThat(h.relevance()).isEqualTo(2.5);
        assertThat(h.embedded().techniques()).containsExactly(
                new IndexedTechnique("http://purl.org/pan-science/PaNET/PaNET01188", "small angle x-ray scattering"));
        assertThat(h.embedded().instrument()).isEqualTo(new IndexedInstrument("i22", "I22", "DLS"));
        assertThat(h.embedded().parameters()).containsExactly(new IndexedParameter(7L, "sample_temperature", 100.5, "K"),
                new IndexedParameter(8L, "beamline", null, ""));
    }

    @Test
    void aDateWrittenWithAnotherOffsetIsTheSameInstant() throws Exception {
        List<Ranked> hits = read(answer("""
                {"_id":"1","_source":{"pid":"ds-1","producedAt":"2019-01-01T01:30:00+01:30"}}"""), Set.of());

        assertThat(hits.getFirst().producedAt()).isEqualTo(Instant.parse("2019-01-01T00:00:00Z"));
    }

    @Test
    void missingValuesAreNullAndHitsWithoutRelevanceScoreNothing() throws Exception {
        // a document indexed before panoscPid was mapped, with no size, no techniques, one parameter as a lone object
        List<Ranked> hits = read(answer("""
                {"_id":"1","_score":null,"_source":{"pid":"ds-1","title":"Old","producedAt":"2019-01-01T00:00:00Z",
                 "parameters":{"name":"energy","numericValue":12,"unit":"keV"}}},
                {"_id":"2","_source":{"pid":"ds-2","title":"No date","sizeBytes":"77",
                 "techniques":[null,{"iri":"http://purl.org/pan-science/PaNET/PaNET01012","label":"diffraction"}]}},
                {"_id":"3"}"""), EnumSet.of(Related.TECHNIQUES, Related.PARAMETERS));

        assertThat(hits).extracting(Ranked::pid).containsExactly("ds-1", "ds-2", null);
        Ranked old = hits.getFirst();
        assertThat(old.panoscPid()).isNull();
        assertThat(old.complete()).isFalse();
        assertThat(old.sizeBytes()).isNull();
        assertThat(old.relevance()).isZero();
        assertThat(old.producedAt()).isEqualTo(Instant.parse("2019-01-01T00:00:00Z"));
        assertThat(old.embedded().techniques()).isEmpty();
        assertThat(old.embedded().parameters()).containsExactly(new IndexedParameter(null, "energy", 12.0, "keV"));
        assertThat(old.embedded().instrument()).as("not asked for").isNull();
        Ranked undated = hits.get(1);
        assertThat(undated.producedAt()).isNull();
        assertThat(undated.sizeBytes()).as("a size kept as text").isEqualTo(77L);
        assertThat(undated.embedded().techniques()).as("null entries skipped").containsExactly(
                new IndexedTechnique("http://purl.org/pan-science/PaNET/PaNET01012", "diffraction"));
        assertThat(hits.get(2).id()).as("a hit without its source").isEqualTo(3L);
        assertThat(hits.get(2).complete()).isFalse();
    }

    @Test
    void relationsNotAskedForAreNotRead() throws Exception {
        List<Ranked> hits = read(answer("""
                {"_id":"3","_score":1.0,"_source":{"pid":"ds-3","panoscPid":"ds-3","title":"T",
                 "instrument":{"pid":"i","name":"I","facilityCode":"F"}}}"""), Set.of());
        assertThat(hits.getFirst().embedded()).isSameAs(RankedSearch.Embedded.NONE);
    }

    @Test
    void anAnswerTheEngineCutShortIsAnOutageAndAnAnswerWithoutHitsADefect() throws Exception {
        assertThatThrownBy(() -> read(json("{\"timed_out\":true,\"hits\":{\"hits\":[]}}"), Set.of()))
                .isInstanceOf(SearchUnavailableException.class);
        assertThatThrownBy(() -> read(json("{\"timed_out\":false}"), Set.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> read(json("null"), Set.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> read(json("{\"hits\":{\"hits\":[{\"_id\":\"1\",\"_source\":{\"pid\":"), Set.of()))
                .as("an answer cut off mid-way").isInstanceOf(IOException.class);
    }
}
