package io.aperture.harvester;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.aperture.harvester.record.HarvestRecord;
import io.aperture.harvester.record.RecordJson;
import io.aperture.testsupport.RepoFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Validates records against docs/record.schema.json, the published contract. */
public final class RecordSchema {
    private static JsonSchema schema;

    private RecordSchema() {
    }

    public static Path schemaFile() {
        return RepoFiles.path("docs/record.schema.json");
    }

    public static synchronized JsonSchema schema() throws IOException {
        if (schema == null) {
            try (InputStream in = Files.newInputStream(schemaFile())) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            }
        }
        return schema;
    }

    public static Set<ValidationMessage> validate(JsonNode record) throws IOException {
        return schema().validate(record);
    }

    /** Serialises the records exactly as the CLI does and returns one error list per record. */
    public static List<Set<ValidationMessage>> validate(List<HarvestRecord> records) throws IOException {
        JsonNode array = RecordJson.mapper().readTree(RecordJson.mapper().writeValueAsString(records));
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> {
            try {
                return validate(n);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
