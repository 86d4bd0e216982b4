package io.aperture.portal.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** Harvester records (docs/record-format.md) for tests that need a catalogue with known content. */
public final class Records {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Records() {
    }

    /** A minimal valid record with a unique source path; callers add what their test is about. */
    public static ObjectNode record(String title, Instant producedAt) {
        ObjectNode r = JSON.createObjectNode();
        r.put("formatVersion", 1);
        r.put("facility", "DLS");
        ObjectNode source = r.putObject("source");
        source.put("path", "/dls/test/data/2024/" + UUID.randomUUID() + ".nxs");
        source.put("entry", "entry");
        r.put("title", title);
        r.put("kind", "RAW");
        r.put("producedAt", producedAt.toString());
        r.put("endTime", producedAt.toString());
        return r;
    }

    public static ObjectNode withProposal(ObjectNode r, String proposal, String visit) {
        ObjectNode id = r.putObject("identity");
        id.put("proposal", proposal);
        id.put("visit", visit);
        return r;
    }

    public static ObjectNode withParameter(ObjectNode r, String name, double value, String unit, double si, String siUnit) {
        ArrayNode params = r.has("parameters") ? (ArrayNode) r.get("parameters") : r.putArray("parameters");
        ObjectNode p = params.addObject();
        p.put("name", name);
        p.put("value", value);
        p.put("unit", unit);
        p.put("siValue", si);
        p.put("siUnit", siUnit);
        return r;
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
