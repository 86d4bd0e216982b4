package io.aperture.catalogue.panosc;

import io.aperture.catalogue.search.InvalidSearchException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntitiesTest {
    private static void check(EntityModel model, String filter) {
        Entities.checkRelations(model, FilterParser.filter(filter).include());
    }

    @Test
    void everyKnownRelationNestedToo() {
        assertThatCode(() -> check(Entities.DATASET, """
                {"include": ["instrument", "techniques", "files", "samples", "parameters",
                  {"relation": "documents", "scope": {"include": [{"relation": "members", "scope": {"include": ["person", "affiliation"]}}]}}]}"""))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(Entities.INSTRUMENT, "{\"include\": [{\"relation\": \"datasets\", \"scope\": {\"include\": [\"files\"]}}]}"))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnknownRelationIsRefusedNamingItAndWhereItStands() {
        assertThatThrownBy(() -> check(Entities.DATASET, "{\"include\": [\"instrument\", \"nonsense\"]}"))
                .isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("\"nonsense\"").hasMessageContaining("Dataset")
                .extracting(e -> ((InvalidSearchException) e).field()).isEqualTo("filter.include[1].relation");
        // nested: a relation Person does not have, three levels down
        assertThatThrownBy(() -> check(Entities.DOCUMENT, """
                {"include": [{"relation": "members", "scope": {"include": [{"relation": "person", "scope": {"include": ["datasets"]}}]}}]}"""))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("\"datasets\"").hasMessageContaining("Person");
    }
}
