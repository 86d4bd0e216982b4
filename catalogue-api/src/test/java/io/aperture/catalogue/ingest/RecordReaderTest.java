package io.aperture.catalogue.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.record.FileRef;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;
import io.aperture.record.SourceRef;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reader's own checks answer first, with their messages; the shared schema rejects what they do not read. */
class RecordReaderTest {

    private static ObjectNode record() {
        HarvestRecord r = new HarvestRecord(HarvestRecord.FORMAT_VERSION, "DLS",
                new SourceRef("/dls/i03/data/2024/cm1-1/scan_1.nxs", "entry", 10L, null, null), null, "A scan",
                HarvestRecord.Kind.RAW, null, null, Instant.parse("2024-05-01T12:00:00Z"), null, null, null, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                List.of(new FileRef("/dls/i03/data/2024/cm1-1/scan_1.nxs", FileRef.Role.MASTER, 10L, null, false,
                        null, null)),
                List.of(), List.of());
        return RecordJson.mapper().valueToTree(r);
    }

    private static InvalidRecordException rejection(ObjectNode r) {
        try {
            RecordReader.read(r);
        } catch (InvalidRecordException e) {
            return e;
        }
        throw new AssertionError("accepted: " + r);
    }

    @Test
    void aRecordBuiltFromTheSharedTypesIsRead() {
        IncomingRecord read = RecordReader.read(record());
        assertThat(read.kind()).isEqualTo("RAW");
        assertThat(read.files()).extracting(FileRef::role).containsExactly(FileRef.Role.MASTER);
        assertThat(read.producedAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
    }

    @Test
    void datesBeyondTheYears1To9999AreTheRecordsFaultNamedByField() {
        // Instant.parse takes them; the embargo arithmetic and PostgreSQL would fail later with a DateTimeException
        assertThat(rejection(record().put("producedAt", "+999999999-12-31T00:00:00Z")))
                .hasMessage("producedAt: must be between the years 1 and 9999");
        assertThat(rejection(record().put("startTime", "-000001-01-01T00:00:00Z")).field()).isEqualTo("startTime");
        assertThat(RecordReader.read(record().put("producedAt", "9999-12-31T23:59:59Z")).producedAt())
                .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    /** NUL anywhere, also where the reader maps nothing: the record is stored whole as JSONB, which refuses it. */
    @Test
    void aNulAnywhereIsRefusedNamingItsPath() {
        ObjectNode warned = record();
        warned.putArray("warnings").add("fine").add("x\u0000");
        assertThat(rejection(warned)).hasMessage("warnings[1]: must not contain NUL characters");
        ObjectNode extra = record();
        extra.putObject("newerHarvester").putArray("notes").addObject().put("text", "a\u0000b");
        assertThat(rejection(extra).field()).isEqualTo("newerHarvester.notes[0].text");
        ObjectNode named = record();
        named.putObject("newerHarvester").put("bad\u0000name", 1);
        assertThat(rejection(named).field()).isEqualTo("newerHarvester");
    }

    /** A value a writer rounded to -0 is stored as 0: the index orders -0.0 below a search's 0. */
    @Test
    void negativeZeroIsStoredAsZero() {
        ObjectNode r = record();
        r.putArray("parameters").addObject().put("name", "/entry/sample/temperature").put("value", -0.0).put("unit", "K");
        Double value = RecordReader.read(r).parameters().getFirst().value();
        assertThat(Double.doubleToRawLongBits(value)).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    /** Sizes are whole bytes, never rounded or clamped, and their sum (the dataset's size) cannot wrap negative. */
    @Test
    void fileSizesAreWholeBytesThatAddUp() {
        ObjectNode huge = record();
        ((ObjectNode) huge.get("files").get(0)).put("size", new BigInteger("100000000000000000000"));
        assertThat(rejection(huge)).hasMessage("files[0].size: must be a whole number of bytes from 0 to " + Long.MAX_VALUE);
        ObjectNode fraction = record();
        ((ObjectNode) fraction.get("files").get(0)).put("size", 1.5);
        assertThat(rejection(fraction).field()).isEqualTo("files[0].size");
        ObjectNode negative = record();
        ((ObjectNode) negative.get("files").get(0)).put("size", -1);
        assertThat(rejection(negative).field()).isEqualTo("files[0].size");
        ObjectNode two = record();
        ((ObjectNode) two.get("files").get(0)).put("size", Long.MAX_VALUE);
        ((ArrayNode) two.get("files")).addObject().put("path", "/b.nxs").put("role", "MASTER")
                .put("size", 1);
        assertThat(rejection(two)).hasMessage("files[1].size: makes the files' sizes add up to more than " + Long.MAX_VALUE + " bytes");
        ObjectNode written = record();
        ((ObjectNode) written.get("files").get(0)).put("size", 1024.0);
        assertThat(RecordReader.read(written).files().getFirst().size()).isEqualTo(1024L);
        ObjectNode largest = record();
        ((ObjectNode) largest.get("files").get(0)).put("size", Long.MAX_VALUE);
        assertThat(RecordReader.read(largest).files().getFirst().size()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theReadersOwnChecksKeepTheirMessages() {
        ObjectNode badDate = record().put("producedAt", "yesterday");
        assertThat(rejection(badDate)).hasMessage(
                "producedAt: must be an ISO-8601 instant such as 2024-05-01T12:00:00Z");
        ObjectNode badKind = record().put("kind", "REDUCED");
        assertThat(rejection(badKind)).hasMessage("kind: must be one of [RAW, PROCESSED]");
        ObjectNode nul = record().put("title", "a\u0000b");
        assertThat(rejection(nul)).hasMessage("title: must not contain NUL characters");
        ObjectNode version = record().put("formatVersion", 2);
        assertThat(rejection(version).field()).isEqualTo("formatVersion");
    }

    @Test
    void whatOnlyTheSchemaDescribesIsRejectedByFieldPath() {
        ObjectNode badDigest = record();
        ((ObjectNode) badDigest.get("files").get(0)).put("sha256", "not-hex");
        InvalidRecordException e = rejection(badDigest);
        assertThat(e.field()).isEqualTo("files[0].sha256");
        assertThat(e.getMessage()).startsWith("files[0].sha256: ").contains("^[0-9a-f]{64}$");

        ObjectNode badUser = record();
        badUser.putArray("users").add("Jane Doe");
        assertThat(rejection(badUser).field()).isEqualTo("users[0]");

        ObjectNode numericScan = record();
        numericScan.putObject("identity").put("scanNumber", 4711);
        assertThat(rejection(numericScan).field()).isEqualTo("identity.scanNumber");
    }

    @Test
    void aFileWithoutMissingIsStillReadAsPresent() {
        ObjectNode r = record();
        ((ObjectNode) r.get("files").get(0)).remove("missing");
        assertThat(RecordReader.read(r).files()).extracting(FileRef::missing).containsExactly(false);
    }

    @Test
    void nestedPartsComeBackAsTheSharedTypesWithTextReadAsTheChecksReadIt() {
        ObjectNode r = record();
        r.putObject("instrument").put("shortName", " I03 ").putObject("source").put("name", "Diamond");
        r.putObject("sample").put("name", "  lysozyme\n").put("chemicalFormula", " ");
        r.putArray("techniques").addObject().put("iri", "http://purl.org/pan-science/PaNET/PaNET01188");
        ObjectNode step = r.putArray("processing").addObject().put("name", "integrate").put("sequenceIndex", 2);
        step.putObject("parameters").put("bins", 100);
        IncomingRecord read = RecordReader.read(r);
        assertThat(read.instrumentName()).contains("I03");
        assertThat(read.instrument().orElseThrow().source().name()).isEqualTo("Diamond");
        assertThat(read.sample().orElseThrow().name()).isEqualTo("lysozyme");
        assertThat(read.sample().orElseThrow().chemicalFormula()).isNull();
        assertThat(read.techniques()).singleElement().satisfies(t ->
                assertThat(t.label()).isEqualTo("http://purl.org/pan-science/PaNET/PaNET01188"));
        assertThat(read.processing()).singleElement().satisfies(p -> {
            assertThat(p.sequenceIndex()).isEqualTo(2L);
            assertThat(p.parameters().get("bins").intValue()).isEqualTo(100);
        });
        // the stored record keeps what was sent
        assertThat(r.at("/sample/name").textValue()).isEqualTo("  lysozyme\n");
    }

    @Test
    void aBlankSampleNameIsNoSampleAndFieldsOfANewerHarvesterAreKeptOutOfTheTypes() {
        ObjectNode r = record();
        r.putObject("sample").put("name", "   ");
        r.putArray("processing").addObject().put("name", "integrate").put("addedLater", "x");
        IncomingRecord read = RecordReader.read(r);
        assertThat(read.sample()).isEmpty();
        assertThat(read.processing()).extracting(p -> p.name()).containsExactly("integrate");
    }

    @Test
    void aSequenceIndexBeyond32BitsIsRefusedByPath() {
        ObjectNode r = record();
        r.putArray("processing").addObject().put("name", "integrate").put("sequenceIndex", 1L << 40);
        assertThat(rejection(r)).hasMessage("processing[0].sequenceIndex: must be an integer that fits in 32 bits");
    }
}
