package io.aperture.catalogue.panosc;

import io.aperture.catalogue.search.InvalidSearchException;
import io.aperture.catalogue.tokens.OpaqueIds;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JpqlWhereTest {
    private static final OpaqueIds IDS = new OpaqueIds("a-test-secret-of-at-least-thirty-two-characters");

    private static String where(String json, EntityModel model, JpqlWhere w) {
        return w.condition(FilterParser.where(json), model, "r");
    }

    @Test
    void operatorsBecomeBoundConditionsOnTheModelsExpressions() {
        JpqlWhere w = new JpqlWhere(IDS);
        String c = where("""
                {"title": {"like": "a%b_c"}, "summary": {"ilike": "X"}, "pid": {"inq": ["p1", 2]}, "doi": {"neq": "d"}}""",
                Entities.DOCUMENT, w);
        assertThat(c).contains("r.title like :q0 escape '\\'")
                .contains("lower(r.summary) like :q1")
                .contains("coalesce(r.doi, r.pid) in (:q2)")
                .contains("(r.doi is null or r.doi <> :q3)");
        assertThat(w.params()).containsEntry("q0", "%a%b_c%").containsEntry("q1", "%x%").containsEntry("q2", List.of("p1", "2"))
                .containsEntry("q3", "d");
    }

    @Test
    void idsAreComparedByTheRowTheirPublicFormStandsForAndNeverByTheirText() {
        JpqlWhere w = new JpqlWhere(IDS);
        String c = where("{\"id\": \"" + IDS.encode(41) + "\", \"or\": [{\"id\": {\"inq\": [\"" + IDS.encode(7) + "\", \"7\"]}},"
                + " {\"id\": {\"neq\": \"" + IDS.encode(8) + "\"}}]}", Entities.FILE, w);
        assertThat(c).contains("r.id = :q0").contains("r.id in (:q1)").contains("r.id <> :q2");
        assertThat(w.params()).containsEntry("q0", 41L).containsEntry("q1", List.of(7L)).containsEntry("q2", 8L);
        // the sequence value itself, or a text that is no id of ours, stands for no row
        assertThat(where("{\"id\": \"41\"}", Entities.PARAMETER, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.FALSE);
        assertThat(where("{\"id\": {\"nin\": [\"41\"]}}", Entities.PARAMETER, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.TRUE);
        // order and patterns over a permutation say nothing: as a pattern on a number
        assertThat(where("{\"id\": {\"gt\": \"" + IDS.encode(1) + "\"}}", Entities.MEMBER, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.FALSE);
        assertThat(where("{\"id\": {\"like\": \"A\"}}", Entities.PERSON, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.FALSE);
        assertThat(where("{\"id\": {\"nlike\": \"A\"}}", Entities.AFFILIATION, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.TRUE);
    }

    @Test
    void emptyInqMatchesNothingAndEmptyNinEverything() {
        assertThat(where("{\"name\": {\"inq\": []}}", Entities.INSTRUMENT, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.FALSE);
        assertThat(where("{\"name\": {\"nin\": []}}", Entities.INSTRUMENT, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.TRUE);
        assertThat(where("{\"or\": []}", Entities.INSTRUMENT, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.FALSE);
    }

    @Test
    void unknownPropertiesMatchNothingAndTheirNegationsEverything() {
        assertThat(where("{\"colour\": \"red\"}", Entities.INSTRUMENT, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.FALSE);
        assertThat(where("{\"colour\": {\"neq\": \"red\"}}", Entities.INSTRUMENT, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.TRUE);
    }

    @Test
    void isPublicIsAlwaysTrue() {
        assertThat(where("{\"isPublic\": true}", Entities.DOCUMENT, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.TRUE);
        assertThat(where("{\"isPublic\": \"false\"}", Entities.DOCUMENT, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.FALSE);
        assertThat(where("{\"isPublic\": {\"lt\": true}}", Entities.DOCUMENT, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.FALSE);
    }

    @Test
    void datesAndNumbersAreConvertedAndABadDateIsA400() {
        JpqlWhere w = new JpqlWhere(IDS);
        String c = where("{\"creationDate\": {\"between\": [\"2020-01-01\", \"2020-06-01T12:00:00Z\"]}, \"size\": {\"gte\": \"10\"}}",
                Entities.DATASET, w);
        assertThat(c).contains("r.producedAt between :q0 and :q1").contains("cast(r.sizeBytes as Double) >= :q2");
        assertThat(w.params()).containsEntry("q0", Instant.parse("2020-01-01T00:00:00Z"))
                .containsEntry("q1", Instant.parse("2020-06-01T12:00:00Z")).containsEntry("q2", 10.0);
        assertThatThrownBy(() -> where("{\"creationDate\": {\"gt\": \"not-a-date\"}}", Entities.DATASET, new JpqlWhere(IDS)))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("not a date");
        // a number that is not one matches nothing, as in the reference
        assertThat(where("{\"size\": {\"gt\": \"big\"}}", Entities.DATASET, new JpqlWhere(IDS))).isEqualTo(JpqlWhere.FALSE);
    }

    @Test
    void regexpTakesLoopbackLiteralsAndRefusesBrokenPatterns() {
        JpqlWhere w = new JpqlWhere(IDS);
        assertThat(where("{\"name\": {\"regexp\": \"/^lo/i\"}}", Entities.INSTRUMENT, w))
                .isEqualTo("function('texticregexeq', r.name, :q0) = true");
        assertThat(w.params()).containsEntry("q0", "^lo");
        assertThatThrownBy(() -> where("{\"name\": {\"regexp\": \"(\"}}", Entities.INSTRUMENT, new JpqlWhere(IDS)))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("regular expression");
    }

    @Test
    void textSearchesTheModelsTextFieldsWithItsWildcardsAsPlainCharacters() {
        JpqlWhere w = new JpqlWhere(IDS);
        assertThat(where("{\"text\": \"50%_Done\"}", Entities.DOCUMENT, w))
                .isEqualTo("lower(r.title) like :q0 escape '\\' or lower(r.summary) like :q0 escape '\\'");
        assertThat(w.params()).containsEntry("q0", "%50\\%\\_done%");
    }

    @Test
    void restrictingIncludesBecomeExistsOverServableRelatedRowsAndUnknownRelationsAre400() {
        JpqlWhere w = new JpqlWhere(IDS);
        PanoscFilter f = FilterParser.filter("""
                {"include": [{"relation": "members"}, {"relation": "datasets", "scope": {"include": [
                  {"relation": "techniques", "scope": {"where": {"name": "SAXS"}}}]}}]}""");
        String c = w.restrictions(f.include(), Entities.DOCUMENT, "r");
        assertThat(c).startsWith("exists (select x0.id from Dataset x0 where x0 member of r.datasets and x0.accessState = :open")
                .contains("exists (select x1.id from Technique x1 where x1 member of x0.techniques")
                .contains("x1.iri in (:q2)"); // SAXS and its descendants in PaNET (PanetTest)
        assertThatThrownBy(() -> w.restrictions(FilterParser.filter("{\"include\": [{\"relation\": \"foo\"}]}").include(),
                Entities.DOCUMENT, "r")).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("Relation \"foo\" is not defined for Document model");
    }

    @Test
    void scoresAreASaturatingFunctionInsideTheOpenInterval() {
        assertThat(PanoscDatasetsResource.score(PanoscDatasetsResource.HALF_SCORE)).isEqualTo(0.5);
        assertThat(PanoscDatasetsResource.score(0)).isGreaterThan(0);
        assertThat(PanoscDatasetsResource.score(1e12)).isLessThan(1);
        assertThat(PanoscDatasetsResource.score(5)).isLessThan(PanoscDatasetsResource.score(6));
    }

    private static final String P = "http://purl.org/pan-science/PaNET/PaNET";

    @Test
    void techniqueEqualityAndMembershipUseTheClosureOtherOperatorsCompareAsWritten() {
        JpqlWhere w = new JpqlWhere(IDS);
        String c = w.condition(FilterParser.where("{\"pid\": \"" + P + "01124\"}"), Entities.TECHNIQUE, "t");
        assertThat(c).isEqualTo("t.iri in (:q0)");
        assertThat(w.params().get("q0")).asInstanceOf(InstanceOfAssertFactories.list(String.class))
                .contains(P + "01124", P + "01188");
        JpqlWhere unknown = new JpqlWhere(IDS);
        assertThat(unknown.condition(FilterParser.where("{\"name\": \"home-made technique\"}"), Entities.TECHNIQUE, "t"))
                .isEqualTo("t.label = :q0");
        assertThat(unknown.params()).isEqualTo(Map.of("q0", "home-made technique"));
        assertThat(new JpqlWhere(IDS).condition(FilterParser.where("{\"name\": {\"like\": \"scattering\"}}"), Entities.TECHNIQUE, "t"))
                .startsWith("t.label like");
    }

    @Test
    void aTechniqueIncludeIsAConditionOnTheDatasetsSetOfTechniques() {
        JpqlWhere w = new JpqlWhere(IDS);
        String c = w.restrictions(FilterParser.filter("""
                {"include": [{"relation": "techniques", "scope": {"where": {"pid": {"neq": "%s01124"}}}}]}""".formatted(P)).include(),
                Entities.DATASET, "r");
        // neq: no technique of the dataset in the closure, not "some technique outside it"
        assertThat(c).startsWith("(not exists (select").contains("member of r.techniques").contains(".iri in (:");
        assertThat(w.params().values()).anySatisfy(v -> assertThat(v).asInstanceOf(InstanceOfAssertFactories.list(String.class))
                .contains(P + "01188"));
        String and = new JpqlWhere(IDS).restrictions(FilterParser.filter("""
                {"include": [{"relation": "techniques", "scope": {"where": {"and": [{"name": "SAXS"}, {"name": {"nin": ["XES"]}}]}}}]}""")
                .include(), Entities.DATASET, "r");
        // each part of the and on its own: some technique in SAXS's closure, and none in XES's
        assertThat(and).contains("(exists (select").contains(") and (not exists (select");
    }
}
