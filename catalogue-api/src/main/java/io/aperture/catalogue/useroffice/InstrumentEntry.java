package io.aperture.catalogue.useroffice;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.ingest.InvalidRecordException;

import java.util.ArrayList;
import java.util.List;

/** One instrument of the facility instrument list a user-office import may carry ({@code instruments}), checked whole. */
record InstrumentEntry(String name, String shortName, String facility) {

    /** The body's {@code instruments}, or empty when it sends no list (then the stored list is left as it is). */
    static List<InstrumentEntry> readAll(JsonNode body) {
        JsonNode list = body.path("instruments");
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InvalidRecordException("instruments", "must be an array");
        }
        if (list.size() > ProposalEntry.MAX_ENTRIES) {
            throw new InvalidRecordException("instruments", "has more than " + ProposalEntry.MAX_ENTRIES + " entries");
        }
        List<InstrumentEntry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "instruments[" + i + "]";
            JsonNode e = list.get(i);
            if (!e.isObject()) {
                throw new InvalidRecordException(at, "must be a JSON object");
            }
            out.add(new InstrumentEntry(ProposalEntry.text(e, at, "name", true), ProposalEntry.text(e, at, "shortName", false),
                    ProposalEntry.text(e, at, "facility", false)));
        }
        return out;
    }
}
