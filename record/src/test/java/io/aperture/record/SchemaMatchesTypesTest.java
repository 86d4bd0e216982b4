package io.aperture.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.units.Quantity;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java types and record.schema.json describe the same record: every component of every record type is a property
 * of the schema at the same place and every property is a component, and the enums list the same constants. Adding a
 * field to one and not the other fails here.
 */
class SchemaMatchesTypesTest {
    private final JsonNode schema = RecordSchema.document();

    @Test
    void everyComponentIsInTheSchemaAndEveryPropertyIsAComponent() {
        List<String> mismatches = new ArrayList<>();
        compare(HarvestRecord.class, schema, "record", mismatches);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void enumsListTheSameConstants() {
        assertThat(enumIn(schema.at("/properties/kind"))).isEqualTo(names(HarvestRecord.Kind.values()));
        assertThat(enumIn(schema.at("/properties/files/items/properties/role")))
                .isEqualTo(names(FileRef.Role.values()));
    }

    @Test
    void theFormatVersionIsTheOneTheTypesWrite() {
        assertThat(schema.at("/properties/formatVersion/const").intValue()).isEqualTo(HarvestRecord.FORMAT_VERSION);
    }

    @Test
    void theComparisonNoticesAMissingProperty() {
        JsonNode broken = RecordSchema.document();
        ((ObjectNode) broken.at("/properties/sample/properties")).remove("environment");
        List<String> mismatches = new ArrayList<>();
        compare(HarvestRecord.class, broken, "record", mismatches);
        assertThat(mismatches).containsExactly("record.sample: type has [environment], schema does not");
    }

    private void compare(Class<?> type, JsonNode node, String at, List<String> mismatches) {
        JsonNode props = properties(node);
        Set<String> inType = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inSchema = new TreeSet<>();
        props.fieldNames().forEachRemaining(inSchema::add);
        Set<String> onlyType = new TreeSet<>(inType);
        onlyType.removeAll(inSchema);
        Set<String> onlySchema = new TreeSet<>(inSchema);
        onlySchema.removeAll(inType);
        if (!onlyType.isEmpty()) {
            mismatches.add(at + ": type has " + onlyType + ", schema does not");
        }
        if (!onlySchema.isEmpty()) {
            mismatches.add(at + ": schema has " + onlySchema + ", type does not");
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode child = props.get(c.getName());
            Class<?> nested = recordTypeOf(c.getGenericType());
            if (child != null && nested != null) {
                JsonNode target = c.getType() == List.class ? resolve(resolve(child).get("items")) : child;
                compare(nested, target, at + "." + c.getName(), mismatches);
            }
        }
    }

    /** The record type a component holds, directly or as list elements; null for values, maps and lists of values. */
    private static Class<?> recordTypeOf(Type t) {
        if (t instanceof Class<?> c) {
            return c.isRecord() ? c : null;
        }
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            return recordTypeOf(p.getActualTypeArguments()[0]);
        }
        return null;
    }

    /** The properties an object schema declares, following $ref, allOf and anyOf. */
    private JsonNode properties(JsonNode node) {
        JsonNode n = resolve(node);
        Map<String, JsonNode> all = new LinkedHashMap<>();
        n.path("properties").properties().forEach(e -> all.put(e.getKey(), e.getValue()));
        for (String combinator : List.of("allOf", "anyOf")) {
            for (JsonNode part : n.path(combinator)) {
                if (resolve(part).has("properties") || resolve(part).has("allOf")) {
                    properties(part).properties().forEach(e -> all.putIfAbsent(e.getKey(), e.getValue()));
                }
            }
        }
        return RecordJson.mapper().valueToTree(all);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = schema.at(n.get("$ref").textValue().substring(1));
        }
        return n;
    }

    private static Set<String> enumIn(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.path("enum").forEach(v -> out.add(v.textValue()));
        return out;
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void quantitiesAreDescribedByTheParamDefinition() {
        List<String> mismatches = new ArrayList<>();
        compare(Quantity.class, schema.at("/$defs/param"), "param", mismatches);
        assertThat(mismatches).isEmpty();
    }
}
