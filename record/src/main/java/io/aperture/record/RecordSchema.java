package io.aperture.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * The published JSON Schema of the record ({@value #RESOURCE} beside this class, draft 2020-12) and the check of a
 * record against it. The harvester's tests check what it writes; the catalogue checks what it is sent.
 */
public final class RecordSchema {
    public static final String RESOURCE = "record.schema.json";

    private static final JsonNode DOCUMENT = load();
    private static final JsonSchema SCHEMA =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(DOCUMENT);

    private RecordSchema() {
    }

    /** The schema itself, as JSON. */
    public static JsonNode document() {
        return DOCUMENT.deepCopy();
    }

    /** Every way the record breaks the schema, ordered by path; empty when it conforms. */
    public static List<SchemaProblem> check(JsonNode record) {
        return SCHEMA.validate(record).stream()
                .map(RecordSchema::problem)
                .distinct()
                .sorted(Comparator.comparing(SchemaProblem::path).thenComparing(SchemaProblem::message))
                .toList();
    }

    /** Checks records exactly as {@link RecordJson} writes them; one list of problems per record. */
    public static List<List<SchemaProblem>> check(List<HarvestRecord> records) {
        ObjectMapper mapper = RecordJson.mapper();
        return records.stream().map(r -> check(mapper.<JsonNode>valueToTree(r))).toList();
    }

    private static SchemaProblem problem(ValidationMessage m) {
        String path = m.getInstanceLocation().toString();
        path = path.equals("$") ? "" : path.substring(path.startsWith("$.") ? 2 : 1);
        if (m.getProperty() != null && "required".equals(m.getType())) {
            path = path.isEmpty() ? m.getProperty() : path + "." + m.getProperty();
        }
        return new SchemaProblem(path.isEmpty() ? "record" : path, m.getError());
    }

    private static JsonNode load() {
        try (InputStream in = RecordSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath beside " + RecordSchema.class);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
