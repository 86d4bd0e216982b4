package io.aperture.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Problems name the field the way the catalogue does, and say what is wrong without repeating the path. */
class RecordSchemaTest {

    private static ObjectNode minimal() {
        HarvestRecord r = new HarvestRecord(HarvestRecord.FORMAT_VERSION, "DLS",
                new SourceRef("/dls/i03/data/2024/scan.nxs", "entry", null, null, null), null, "A scan",
                HarvestRecord.Kind.RAW, null, null, Instant.parse("2024-05-01T12:00:00Z"), null, null, null, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                List.of(new FileRef("/dls/i03/data/2024/scan.nxs", FileRef.Role.MASTER, 10L, null, false, null, null)),
                List.of(), List.of());
        return RecordJson.mapper().valueToTree(r);
    }

    @Test
    void aRecordBuiltFromTheTypesConforms() {
        assertThat(RecordSchema.check(minimal())).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsNamedByItsPath() {
        ObjectNode r = minimal();
        r.remove("title");
        assertThat(RecordSchema.check(r)).extracting(SchemaProblem::path).containsExactly("title");
        ObjectNode s = minimal();
        ((ObjectNode) s.get("source")).remove("entry");
        assertThat(RecordSchema.check(s)).extracting(SchemaProblem::path).containsExactly("source.entry");
    }

    @Test
    void aWrongValueInsideAnArrayIsNamedWithItsIndex() {
        ObjectNode r = minimal();
        ((ObjectNode) r.get("files").get(0)).put("sha256", "XYZ");
        List<SchemaProblem> problems = RecordSchema.check(r);
        assertThat(problems).extracting(SchemaProblem::path).containsExactly("files[0].sha256");
        assertThat(problems.getFirst().message()).doesNotContain("files").contains("^[0-9a-f]{64}$");
    }

    @Test
    void missingIsOptionalAndMeansPresent() {
        ObjectNode r = minimal();
        ((ObjectNode) r.get("files").get(0)).remove("missing");
        assertThat(RecordSchema.check(r)).isEmpty();
    }

    @Test
    void findingsAreOptionalAndCheckedWhenPresent() {
        HarvestRecord typed = RecordJson.mapper().convertValue(minimal(), HarvestRecord.class);
        ObjectNode withFindings = RecordJson.mapper().valueToTree(typed.withFindings(List.of(
                new QualityFinding("error", "/entry/sample/name", "required", "NXtomo requires field name"))));
        assertThat(RecordSchema.check(withFindings)).isEmpty();
        assertThat(withFindings.at("/findings/0/rule").asText()).isEqualTo("required");

        ((ObjectNode) withFindings.get("findings").get(0)).put("level", "fatal");
        assertThat(RecordSchema.check(withFindings)).extracting(SchemaProblem::path).containsExactly("findings[0].level");
    }

    /** The schema states the contract's bounds, so a client validating against it learns them before the catalogue says no. */
    @Test
    void theSchemaHoldsTheContractsBounds() {
        JsonNode schema = RecordSchema.document();
        assertThat(schema.at("/properties/title/maxLength").asInt()).isEqualTo(HarvestRecord.MAX_TEXT);
        assertThat(schema.at("/properties/parameters/items/properties/name/maxLength").asInt()).isEqualTo(HarvestRecord.MAX_TEXT);
        for (String field : List.of("text", "unit", "siUnit")) {
            assertThat(schema.at("/$defs/param/properties/" + field + "/maxLength").asInt()).as(field).isEqualTo(HarvestRecord.MAX_TEXT);
        }
        assertThat(schema.at("/properties/parameters/maxItems").asInt()).isEqualTo(HarvestRecord.MAX_PARAMETERS);

        ObjectNode longTitle = minimal();
        longTitle.put("title", "t".repeat(HarvestRecord.MAX_TEXT + 1));
        assertThat(RecordSchema.check(longTitle)).extracting(SchemaProblem::path).containsExactly("title");
        ObjectNode atTheBound = minimal();
        atTheBound.put("title", "t".repeat(HarvestRecord.MAX_TEXT));
        assertThat(RecordSchema.check(atTheBound)).isEmpty();

        ObjectNode manyParameters = minimal();
        ArrayNode parameters = manyParameters.putArray("parameters");
        for (int i = 0; i <= HarvestRecord.MAX_PARAMETERS; i++) {
            parameters.addObject().put("name", "/entry/p" + i).put("value", i);
        }
        assertThat(RecordSchema.check(manyParameters)).extracting(SchemaProblem::path).containsExactly("parameters");
    }
}
