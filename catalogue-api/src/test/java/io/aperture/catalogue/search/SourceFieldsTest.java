package io.aperture.catalogue.search;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceFieldsTest {
    private static JsonObject narrowed(String json) {
        JsonObject body = JsonParser.parseString(json).getAsJsonObject();
        SourceFields.narrow(body);
        return body;
    }

    @Test
    void anObjectPathGoesWhenFieldsInsideItAreRequested() {
        JsonObject body = narrowed("""
                {"query": {"match_all": {}}, "_source": ["pid", "parameters", "parameters.id", "parameters.name",
                 "techniques", "techniques.iri", "instrument.name", "params"]}""");
        assertEquals(JsonParser.parseString("""
                ["pid", "parameters.id", "parameters.name", "techniques.iri", "instrument.name", "params"]"""),
                body.get("_source"));
        assertEquals(JsonParser.parseString("{\"match_all\": {}}"), body.get("query"), "the rest of the request is kept");
    }

    @Test
    void aPathOnlyPrefixingAnotherByNameIsKept() {
        // "param" is not an object holding "parameters.id": only a whole path segment counts
        assertEquals(JsonParser.parseString("[\"param\", \"parameters.id\"]"),
                narrowed("{\"_source\": [\"param\", \"parameters.id\"]}").get("_source"));
    }

    @Test
    void aRequestWithoutAListOfPathsIsLeftAlone() {
        assertEquals(JsonParser.parseString("false"), narrowed("{\"_source\": false}").get("_source"));
        assertEquals(JsonParser.parseString("{\"includes\": [\"a\", \"a.b\"]}"),
                narrowed("{\"_source\": {\"includes\": [\"a\", \"a.b\"]}}").get("_source"));
        assertEquals(JsonParser.parseString("{}"), narrowed("{}"));
    }
}
