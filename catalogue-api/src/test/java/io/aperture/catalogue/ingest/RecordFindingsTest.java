package io.aperture.catalogue.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.record.FileRef;
import io.aperture.record.HarvestRecord;
import io.aperture.record.QualityFinding;
import io.aperture.record.RecordJson;
import io.aperture.record.SourceRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conformance findings a record brings (issue #16): read as the shared type, bounded, absent when not checked. */
class RecordFindingsTest {
    static final QualityFinding MISSING_NAME =
            new QualityFinding("error", "/entry/sample/name", "required", "NXmx requires field name");

    private static ObjectNode record(List<QualityFinding> findings) {
        HarvestRecord r = new HarvestRecord(HarvestRecord.FORMAT_VERSION, "DLS",
                new SourceRef("/dls/i03/data/2024/cm1-1/scan_1.nxs", "entry", 10L, null, null), null, "A scan",
                HarvestRecord.Kind.RAW, null, null, Instant.parse("2024-05-01T12:00:00Z"), null, null, null, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                List.of(new FileRef("/dls/i03/data/2024/cm1-1/scan_1.nxs", FileRef.Role.MASTER, 10L, null, false,
                        null, null)),
                List.of(), List.of(), findings);
        return RecordJson.mapper().valueToTree(r);
    }

    @Test
    void findingsAreReadAndAnUncheckedFileHasNone() {
        assertThat(RecordReader.read(record(List.of(MISSING_NAME))).findings()).contains(List.of(MISSING_NAME));
        assertThat(RecordReader.read(record(List.of())).findings()).contains(List.of());
        assertThat(RecordReader.read(record(null)).findings()).isEmpty();
    }

    @Test
    void moreThanTheBoundOrABadLevelIsRefusedNamingTheField() {
        ObjectNode many = record(List.of());
        ArrayNode arr = (ArrayNode) many.get("findings");
        for (int i = 0; i <= RecordReader.MAX_FINDINGS; i++) {
            arr.add(RecordJson.mapper().valueToTree(MISSING_NAME));
        }
        assertThatThrownBy(() -> RecordReader.read(many)).isInstanceOf(InvalidRecordException.class)
                .hasMessage("findings: has 201 elements; at most 200 are accepted");
        ObjectNode badLevel = record(List.of(new QualityFinding("fatal", "/entry", "required", "x")));
        assertThatThrownBy(() -> RecordReader.read(badLevel)).isInstanceOf(InvalidRecordException.class)
                .satisfies(e -> assertThat(((InvalidRecordException) e).field()).startsWith("findings"));
    }
}
