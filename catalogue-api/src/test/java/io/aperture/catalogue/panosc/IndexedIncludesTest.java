package io.aperture.catalogue.panosc;

import io.aperture.catalogue.tokens.OpaqueIds;
import io.aperture.catalogue.search.RankedSearch.Embedded;
import io.aperture.catalogue.search.RankedSearch.IndexedInstrument;
import io.aperture.catalogue.search.RankedSearch.IndexedParameter;
import io.aperture.catalogue.search.RankedSearch.IndexedTechnique;
import io.aperture.catalogue.search.RankedSearch.Related;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IndexedIncludesTest {
    private static final OpaqueIds IDS = new OpaqueIds("a-test-secret-of-at-least-thirty-two-characters");
    private static final String P = "http://purl.org/pan-science/PaNET/PaNET";
    private static final IndexedTechnique SAXS = new IndexedTechnique(P + "01188", "small angle x-ray scattering");
    private static final IndexedTechnique XPD = new IndexedTechnique(P + "01101", "x-ray powder diffraction");
    private static final IndexedInstrument I22 = new IndexedInstrument("pid:i22", "I22", "DLS");

    private static List<Optional<IndexedIncludes.Answer>> of(String filter) {
        return IndexedIncludes.of(FilterParser.filter(filter).include(), IDS);
    }

    private static List<Map<String, Object>> attached(IndexedIncludes.Answer answer, List<Embedded> embedded) {
        List<Map<String, Object>> json = new ArrayList<>();
        embedded.forEach(e -> json.add(new LinkedHashMap<>()));
        answer.attach(json, embedded);
        return json;
    }

    @Test
    void onlyScopesTheHitsAnswerAsTheDatabaseWouldAreTakenFromTheIndex() {
        List<Optional<IndexedIncludes.Answer>> answers = of("{\"include\": ["
                + "{\"relation\": \"instrument\"},"
                + "{\"relation\": \"instrument\", \"scope\": {\"where\": {\"name\": \"I22\"}}},"
                + "{\"relation\": \"techniques\", \"scope\": {\"order\": \"name DESC\"}},"
                + "{\"relation\": \"techniques\", \"scope\": {\"where\": {\"name\": {\"like\": \"x%\"}}}},"
                + "{\"relation\": \"techniques\", \"scope\": {\"where\": {\"pid\": \"" + P + "01124\"}}},"
                + "{\"relation\": \"parameters\"},"
                + "{\"relation\": \"samples\"}]}");
        assertThat(answers).extracting(Optional::isPresent).containsExactly(true, false, false, false, true, true, false);
        assertThat(IndexedIncludes.related(answers)).containsExactlyInAnyOrder(Related.INSTRUMENT, Related.TECHNIQUES, Related.PARAMETERS);
        assertThat(IndexedIncludes.related(of("{\"include\": [{\"relation\": \"samples\"}]}"))).isEmpty();
    }

    @Test
    void aTechniqueConditionMatchesItsPanetDescendantsAndTheScopeKeepsItsFields() {
        // SAXS descends from PaNET01124 (small angle scattering); powder diffraction does not
        IndexedIncludes.Answer answer = of("{\"include\": [{\"relation\": \"techniques\", \"scope\": {\"where\": {\"pid\": \""
                + P + "01124\"}, \"fields\": [\"name\"]}}]}").getFirst().orElseThrow();
        List<Map<String, Object>> json = attached(answer, List.of(
                new Embedded(List.of(XPD, SAXS), null, List.of()), new Embedded(List.of(XPD), null, List.of())));
        assertThat(json.get(0)).isEqualTo(Map.of("techniques", List.of(Map.of("name", "small angle x-ray scattering"))));
        assertThat(json.get(1)).isEqualTo(Map.of("techniques", List.of()));
    }

    @Test
    void parametersComeByIdWithTheScopesSkipAndLimitPerDataset() {
        IndexedIncludes.Answer answer = of("{\"include\": [{\"relation\": \"parameters\", \"scope\": {\"skip\": 1, \"limit\": 1}}]}")
                .getFirst().orElseThrow();
        List<IndexedParameter> parameters = List.of(new IndexedParameter(3L, "c", 3.0, "K"),
                new IndexedParameter(1L, "a", 1.0, "eV"), new IndexedParameter(2L, "b", 2.5, "m"));
        List<Map<String, Object>> json = attached(answer, List.of(new Embedded(List.of(), null, parameters)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attached = (List<Map<String, Object>>) json.getFirst().get("parameters");
        assertThat(attached).singleElement().satisfies(p -> assertThat(p).containsEntry("id", IDS.encode(2)).containsEntry("name", "b")
                .containsEntry("unit", "m").containsKey("value"));
    }

    @Test
    void hitsIndexedBeforeTheirIdsWereMappedAreLeftToTheDatabase() {
        List<Optional<IndexedIncludes.Answer>> answers = of("{\"include\": [{\"relation\": \"instrument\"}, {\"relation\": \"parameters\"}]}");
        IndexedIncludes.Answer instrument = answers.get(0).orElseThrow();
        IndexedIncludes.Answer parameters = answers.get(1).orElseThrow();
        Embedded complete = new Embedded(List.of(), I22, List.of(new IndexedParameter(1L, "a", 1.0, "eV")));
        Embedded none = new Embedded(List.of(), null, List.of());
        Embedded old = new Embedded(List.of(), new IndexedInstrument(null, "I22", null), List.of(new IndexedParameter(null, "a", 1.0, "eV")));
        assertThat(instrument.answers(List.of(complete, none))).isTrue();
        assertThat(parameters.answers(List.of(complete, none))).isTrue();
        assertThat(instrument.answers(List.of(complete, old))).isFalse();
        assertThat(parameters.answers(List.of(complete, old))).isFalse();

        List<Map<String, Object>> json = attached(instrument, List.of(complete, none));
        assertThat(json.get(0)).isEqualTo(Map.of("instrument", Map.of("pid", "pid:i22", "name", "I22", "facility", "DLS")));
        assertThat(json.get(1)).isEmpty(); // no instrument: no property, as the database's attach
    }

    @Test
    void aPageIsBuiltWithoutTheDatabaseOnlyWhenEveryIncludeIsAnswered() {
        List<Optional<IndexedIncludes.Answer>> answers = of("{\"include\": [{\"relation\": \"instrument\"}, {\"relation\": \"samples\"}]}");
        IndexedPage page = IndexedPage.of(List.of(), answers);
        assertThat(page.answered()).extracting(Optional::isPresent).containsExactly(true, false);
        assertThat(page.withoutDatabase()).isFalse();
        assertThat(IndexedPage.of(List.of(), of("{\"include\": [{\"relation\": \"instrument\"}]}")).withoutDatabase()).isTrue();
    }
}
