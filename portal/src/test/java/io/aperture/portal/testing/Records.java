package io.aperture.portal.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.record.HarvestRecord;
import io.aperture.record.Identity;
import io.aperture.record.Parameter;
import io.aperture.record.RecordJson;
import io.aperture.record.SourceRef;

import java.time.Instant;
import java.util.UUID;

/**
 * Harvester records (docs/record-format.md) for tests that need a catalogue with known content, built from the shared
 * record types (aperture-record) and handed out as JSON so each test can still change what it is about.
 */
public final class Records {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Records() {
    }

    /** A minimal valid record with a unique source path; callers add what their test is about. */
    public static ObjectNode record(String title, Instant producedAt) {
        HarvestRecord r = new HarvestRecord(HarvestRecord.FORMAT_VERSION, "DLS",
                new SourceRef("/dls/test/data/2024/" + UUID.randomUUID() + ".nxs", "entry", null, null, null), null,
                title, HarvestRecord.Kind.RAW, null, producedAt, producedAt, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        return json(r);
    }

    public static ObjectNode withProposal(ObjectNode r, String proposal, String visit) {
        r.set("identity", json(new Identity(null, null, null, proposal, visit, null, null)));
        return r;
    }

    public static ObjectNode withParameter(ObjectNode r, String name, double value, String unit, double si, String siUnit) {
        ArrayNode params = r.has("parameters") ? (ArrayNode) r.get("parameters") : r.putArray("parameters");
        params.add(json(new Parameter(name, value, null, unit, si, siUnit, null)));
        return r;
    }

    /** The record's JSON as the harvester writes it (RecordJson: ISO-8601 instants, nulls left out). */
    private static ObjectNode json(Object value) {
        return RecordJson.mapper().valueToTree(value);
    }

    public static ObjectNode batch(ObjectNode... records) {
        ObjectNode b = JSON.createObjectNode();
        ArrayNode arr = b.putArray("records");
        for (ObjectNode r : records) {
            arr.add(r);
        }
        return b;
    }
}
