package io.aperture.harvester.nexus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;
import io.aperture.harvester.hdf5.H5Value;
import io.aperture.record.Citation;
import io.aperture.record.Processing;
import io.aperture.harvester.time.NexusTimeParser;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads NXprocess/NXnote provenance and NXcite citations. */
final class ProvenanceReader {
    private final NexusTimeParser times;
    private final ObjectMapper json = new ObjectMapper();

    ProvenanceReader(NexusTimeParser times) {
        this.times = times;
    }

    List<Processing> processing(EntryContext cx) {
        List<Processing> out = new ArrayList<>();
        for (H5Group p : cx.groups) {
            if (!"NXprocess".equals(p.nxClass())) {
                continue;
            }
            ObjectNode params = json.createObjectNode();
            String note = cx.text(p, "description");
            for (H5Node child : p.children()) {
                if (child instanceof H5Group g && g.nxClass() != null && Set.of("NXnote", "NXparameters", "NXcollection").contains(g.nxClass())) {
                    params.set(g.name(), noteJson(cx, g));
                }
            }
            String date = cx.text(p, "date");
            if (date != null) {
                date = times.parse(date).map(Instant::toString).orElse(date);
            }
            String seq = cx.text(p, "sequence_index");
            Long sequenceIndex = null;
            if (seq != null) {
                try {
                    sequenceIndex = (long) Double.parseDouble(seq);
                } catch (NumberFormatException e) {
                    cx.warn("sequence_index '" + seq + "' at " + p.path() + " is not a number");
                }
            }
            String program = cx.text(p, "program");
            String version = p.dataset("program").map(d -> cx.textAttr(d, "version")).orElse(null);
            if (version == null) {
                version = cx.text(p, "version");
            }
            out.add(new Processing(p.name(), program, version, date, sequenceIndex, params.isEmpty() ? null : params, note));
        }
        return out;
    }

    /** A note or parameter group as JSON; text that is itself JSON (Savu plugin parameters) is parsed. */
    private JsonNode noteJson(EntryContext cx, H5Group g) {
        ObjectNode node = json.createObjectNode();
        for (H5Node child : g.children()) {
            if (child instanceof H5Dataset d) {
                Optional<H5Value> v = cx.value(d);
                if (v.isEmpty()) {
                    continue;
                }
                if (v.get().isText()) {
                    String t = v.get().text();
                    node.set(d.name(), maybeJson(t));
                } else if (v.get().size() == 1) {
                    node.put(d.name(), v.get().numbers()[0]);
                } else {
                    node.set(d.name(), json.valueToTree(v.get().numbers()));
                }
            } else if (child instanceof H5Group sub && node.size() < 1000) {
                node.set(sub.name(), noteJson(cx, sub));
            }
        }
        return node;
    }

    private JsonNode maybeJson(String t) {
        if (t != null) {
            String s = t.strip();
            if ((s.startsWith("{") && s.endsWith("}")) || (s.startsWith("[") && s.endsWith("]"))) {
                try {
                    return json.readTree(s);
                } catch (IOException e) {
                    // not JSON after all: keep as text
                }
            }
        }
        return json.getNodeFactory().textNode(t);
    }

    List<Citation> citations(EntryContext cx) {
        List<Citation> out = new ArrayList<>();
        for (H5Group g : cx.groups) {
            if ("NXcite".equals(g.nxClass())) {
                out.add(new Citation(cx.text(g, "doi"), cx.text(g, "url"), cx.text(g, "bibtex"), cx.text(g, "description")));
            }
        }
        return out;
    }

}
