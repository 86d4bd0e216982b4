package io.aperture.catalogue.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aperture.record.FileRef;
import io.aperture.record.Citation;
import io.aperture.record.HarvestRecord;
import io.aperture.record.Instrument;
import io.aperture.record.Parameter;
import io.aperture.record.Processing;
import io.aperture.record.QualityFinding;
import io.aperture.record.RecordJson;
import io.aperture.record.RecordSchema;
import io.aperture.record.Sample;
import io.aperture.record.SchemaProblem;
import io.aperture.record.Technique;
import io.aperture.catalogue.input.InstantRange;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a harvester record (format version 1) into an {@link IncomingRecord}, checking every field it uses, and then
 * checks the whole record against the published contract ({@link RecordSchema}, shared with the harvester).
 * Errors name the JSON path of the field, e.g. {@code parameters[3].value}.
 */
public final class RecordReader {
    // the record contract's bounds, which the harvester keeps too
    static final int MAX_TEXT = HarvestRecord.MAX_TEXT;
    static final int MAX_PARAMETERS = HarvestRecord.MAX_PARAMETERS;
    static final int MAX_FILES = 100_000;
    /** The record schema's bound on findings (the harvester keeps at most this many per file). */
    static final int MAX_FINDINGS = 200;
    private static final Set<String> KINDS = names(HarvestRecord.Kind.values());
    private static final Set<String> FILE_ROLES = names(FileRef.Role.values());
    // the schema lets a newer harvester add fields; this catalogue keeps them in the stored JSON and maps the rest
    private static final ObjectMapper TYPES = RecordJson.mapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RecordReader() {
    }

    public static IncomingRecord read(JsonNode r) {
        if (r == null || !r.isObject()) {
            throw new InvalidRecordException("record", "must be a JSON object");
        }
        JsonNode version = r.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() != HarvestRecord.FORMAT_VERSION) {
            throw new InvalidRecordException("formatVersion", "must be " + HarvestRecord.FORMAT_VERSION);
        }
        JsonNode source = object(r, "source", true);
        String path = text(source, "source.path", "path", true);
        if (!path.startsWith("/")) {
            throw new InvalidRecordException("source.path", "must be an absolute path");
        }
        String entry = text(source, "source.entry", "entry", true);
        String kind = text(r, "kind", "kind", true);
        if (!KINDS.contains(kind)) {
            throw new InvalidRecordException("kind", "must be one of " + KINDS);
        }
        JsonNode identity = object(r, "identity", false);
        JsonNode program = object(r, "program", false);
        JsonNode definition = object(r, "definition", false);
        IncomingRecord read = new IncomingRecord(
                text(r, "facility", "facility", true),
                path,
                entry,
                kind,
                text(r, "title", "title", true),
                instant(r, "startTime", false),
                instant(r, "endTime", false),
                instant(r, "producedAt", true),
                optText(identity, "identity.proposal", "proposal"),
                optText(identity, "identity.visit", "visit"),
                optText(identity, "identity.scanNumber", "scanNumber"),
                optText(definition, "definition.name", "name"),
                optText(program, "program.name", "name"),
                optText(program, "program.version", "version"),
                instrument(r),
                sample(r),
                techniques(r),
                parameters(r),
                files(r),
                processing(r),
                derivedFrom(r),
                citations(r),
                findings(r));
        requireConformance(r);
        requireNoNul(r, "");
        return read;
    }

    /** The fields read above answer with their own messages first; the schema covers everything else it describes. */
    private static void requireConformance(JsonNode r) {
        List<SchemaProblem> problems = RecordSchema.check(r);
        if (!problems.isEmpty()) {
            SchemaProblem first = problems.getFirst();
            throw new InvalidRecordException(first.path(), first.message());
        }
    }

    private static Set<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Optional<Instrument> instrument(JsonNode r) {
        JsonNode i = object(r, "instrument", false);
        if (i == null) {
            return Optional.empty();
        }
        Optional<String> name = optText(i, "instrument.name", "name");
        Optional<String> shortName = optText(i, "instrument.shortName", "shortName");
        if (name.isEmpty() && shortName.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(typed(i, "instrument", Instrument.class));
    }

    private static Optional<Sample> sample(JsonNode r) {
        JsonNode s = object(r, "sample", false);
        if (s == null) {
            return Optional.empty();
        }
        optText(s, "sample.chemicalFormula", "chemicalFormula");
        optText(s, "sample.description", "description");
        return optText(s, "sample.name", "name").map(n -> typed(s, "sample", Sample.class));
    }

    private static List<Technique> techniques(JsonNode r) {
        List<Technique> out = new ArrayList<>();
        JsonNode arr = array(r, "techniques", 100);
        for (int i = 0; i < arr.size(); i++) {
            String at = "techniques[" + i + "]";
            JsonNode t = element(arr, i, at);
            String iri = text(t, at + ".iri", "iri", true);
            if (!iri.startsWith("http://") && !iri.startsWith("https://")) {
                throw new InvalidRecordException(at + ".iri", "must be an IRI");
            }
            out.add(new Technique(iri, optText(t, at + ".label", "label").orElse(iri)));
        }
        return out;
    }

    private static List<Parameter> parameters(JsonNode r) {
        List<Parameter> out = new ArrayList<>();
        JsonNode arr = array(r, "parameters", MAX_PARAMETERS);
        for (int i = 0; i < arr.size(); i++) {
            String at = "parameters[" + i + "]";
            JsonNode p = element(arr, i, at);
            Double value = number(p, at + ".value", "value");
            String text = optText(p, at + ".text", "text").orElse(null);
            if (value == null && text == null) {
                throw new InvalidRecordException(at, "needs a numeric value or a text");
            }
            JsonNode known = p.get("unitKnown");
            out.add(new Parameter(
                    text(p, at + ".name", "name", true),
                    value, text,
                    optText(p, at + ".unit", "unit").orElse(null),
                    number(p, at + ".siValue", "siValue"),
                    optText(p, at + ".siUnit", "siUnit").orElse(null),
                    known == null || known.isNull() || known.asBoolean(true)));
        }
        return out;
    }

    private static List<FileRef> files(JsonNode r) {
        List<FileRef> out = new ArrayList<>();
        JsonNode arr = array(r, "files", MAX_FILES);
        long total = 0;
        for (int i = 0; i < arr.size(); i++) {
            String at = "files[" + i + "]";
            JsonNode f = element(arr, i, at);
            String role = text(f, at + ".role", "role", true);
            if (!FILE_ROLES.contains(role)) {
                throw new InvalidRecordException(at + ".role", "must be one of " + FILE_ROLES);
            }
            Long size = bytes(f, at + ".size");
            try {
                total = Math.addExact(total, size == null ? 0 : size);
            } catch (ArithmeticException e) {
                // the dataset's size is their sum: a total that wraps would be stored, indexed and exported negative
                throw new InvalidRecordException(at + ".size", "makes the files' sizes add up to more than " + Long.MAX_VALUE + " bytes");
            }
            JsonNode missing = f.get("missing");
            // linkedFrom is not stored: the catalogue keeps it in the record JSON only
            out.add(new FileRef(
                    text(f, at + ".path", "path", true), FileRef.Role.valueOf(role),
                    size,
                    instant(f, at + ".modified", "modified", false),
                    missing != null && missing.asBoolean(false),
                    optText(f, at + ".sha256", "sha256").orElse(null), null));
        }
        return out;
    }

    private static List<Processing> processing(JsonNode r) {
        List<Processing> out = new ArrayList<>();
        JsonNode arr = array(r, "processing", 1_000);
        for (int i = 0; i < arr.size(); i++) {
            String at = "processing[" + i + "]";
            JsonNode p = element(arr, i, at);
            for (String field : List.of("name", "program", "version", "date", "note")) {
                optText(p, at + "." + field, field);
            }
            JsonNode seq = p.get("sequenceIndex");
            if (seq != null && !seq.isNull() && !seq.canConvertToInt()) {
                throw new InvalidRecordException(at + ".sequenceIndex", "must be an integer that fits in 32 bits");
            }
            out.add(typed(p, at, Processing.class));
        }
        return out;
    }

    /** NXcite entries: their shape is the schema's (checked below); read as the shared type. */
    private static List<Citation> citations(JsonNode r) {
        List<Citation> out = new ArrayList<>();
        JsonNode arr = array(r, "citations", 1_000);
        for (int i = 0; i < arr.size(); i++) {
            String at = "citations[" + i + "]";
            out.add(typed(element(arr, i, at), at, Citation.class));
        }
        return out;
    }

    /** Checked by the schema (levels, rule ids, at most 200); read as the shared type. */
    private static Optional<List<QualityFinding>> findings(JsonNode r) {
        if (r.get("findings") == null || r.get("findings").isNull()) {
            return Optional.empty();
        }
        List<QualityFinding> out = new ArrayList<>();
        JsonNode checked = array(r, "findings", MAX_FINDINGS);
        for (int i = 0; i < checked.size(); i++) {
            out.add(typed(element(checked, i, "findings[" + i + "]"), "findings[" + i + "]", QualityFinding.class));
        }
        return Optional.of(out);
    }

    private static List<String> derivedFrom(JsonNode r) {
        List<String> out = new ArrayList<>();
        JsonNode arr = array(r, "derivedFrom", 1_000);
        for (int i = 0; i < arr.size(); i++) {
            JsonNode v = arr.get(i);
            if (!v.isTextual() || v.textValue().isBlank()) {
                throw new InvalidRecordException("derivedFrom[" + i + "]", "must be a non-empty string");
            }
            out.add(v.textValue());
        }
        return out;
    }

    /**
     * Maps a part of the record onto its shared type after the checks above, with text read as those checks read it
     * (stripped; blank is absent). The copy leaves the record JSON that is stored and hashed as it was sent.
     */
    private static <T> T typed(JsonNode part, String path, Class<T> type) {
        try {
            return TYPES.treeToValue(stripped(part.deepCopy()), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidRecordException(path, "does not match the record format");
        }
    }

    private static JsonNode stripped(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.properties().forEach(e -> e.setValue(stripped(e.getValue())));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, stripped(a.get(i)));
            }
        } else if (node.isTextual()) {
            String s = node.textValue().strip();
            return s.isEmpty() ? NullNode.instance : TextNode.valueOf(s);
        }
        return node;
    }

    private static JsonNode object(JsonNode parent, String field, boolean required) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InvalidRecordException(field, "is required");
            }
            return null;
        }
        if (!v.isObject()) {
            throw new InvalidRecordException(field, "must be an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode parent, String field, int max) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!v.isArray()) {
            throw new InvalidRecordException(field, "must be an array");
        }
        if (v.size() > max) {
            throw new InvalidRecordException(field, "has " + v.size() + " elements; at most " + max + " are accepted");
        }
        return v;
    }

    private static JsonNode element(JsonNode arr, int i, String at) {
        JsonNode e = arr.get(i);
        if (!e.isObject()) {
            throw new InvalidRecordException(at, "must be an object");
        }
        return e;
    }

    private static String text(JsonNode parent, String path, String field, boolean required) {
        Optional<String> v = optText(parent, path, field);
        if (v.isEmpty() && required) {
            throw new InvalidRecordException(path, "is required");
        }
        return v.orElse(null);
    }

    private static Optional<String> optText(JsonNode parent, String path, String field) {
        if (parent == null) {
            return Optional.empty();
        }
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new InvalidRecordException(path, "must be a string");
        }
        String s = v.asText().strip();
        if (s.indexOf('\u0000') >= 0) {
            throw new InvalidRecordException(path, "must not contain NUL characters");
        }
        if (s.length() > MAX_TEXT) {
            throw new InvalidRecordException(path, "is longer than " + MAX_TEXT + " characters");
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A size in bytes: a whole number from 0 to {@link Long#MAX_VALUE} (not a double, which would round or clamp it). */
    private static Long bytes(JsonNode parent, String path) {
        JsonNode v = parent.get("size");
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            // 1024.0 is a whole number too (the schema's integer); 1.5 and 1e20 are not sizes
            long n = v.isNumber() ? v.decimalValue().longValueExact() : -1;
            if (n >= 0) {
                return n;
            }
        } catch (ArithmeticException e) {
            // the same answer as a negative size
        }
        throw new InvalidRecordException(path, "must be a whole number of bytes from 0 to " + Long.MAX_VALUE);
    }

    /**
     * No text anywhere in the record holds NUL, also where nothing above reads it (warnings, extra fields of a newer
     * harvester): the record is stored whole as JSONB, which refuses it, and that failure would name no field.
     */
    private static void requireNoNul(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            throw new InvalidRecordException(path, "must not contain NUL characters");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireNoNul(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getKey().indexOf('\u0000') >= 0) {
                    throw new InvalidRecordException(path.isEmpty() ? "record" : path, "has a field name with a NUL character");
                }
                requireNoNul(field.getValue(), at);
            }
        }
    }

    private static Double number(JsonNode parent, String path, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new InvalidRecordException(path, "must be a number");
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new InvalidRecordException(path, "must be finite");
        }
        return d + 0.0; // -0 as +0 (a float a writer rounded to -0): the index orders -0.0 below every search's 0
    }

    private static Instant instant(JsonNode parent, String field, boolean required) {
        return instant(parent, field, field, required);
    }

    private static Instant instant(JsonNode parent, String path, String field, boolean required) {
        Optional<String> v = optText(parent, path, field);
        if (v.isEmpty()) {
            if (required) {
                throw new InvalidRecordException(path, "is required");
            }
            return null;
        }
        Instant at;
        try {
            // PostgreSQL keeps microseconds: store what the database can hold, so every date computed from it matches
            at = Instant.parse(v.get()).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(path, "must be an ISO-8601 instant such as 2024-05-01T12:00:00Z");
        }
        // Instant reaches a billion years; the embargo arithmetic and PostgreSQL overflow long before
        if (!InstantRange.contains(at)) {
            throw new InvalidRecordException(path, "must be " + InstantRange.DESCRIPTION);
        }
        return at;
    }
}
