package io.aperture.catalogue.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarvestReportReaderTest {
    private final ObjectMapper json = new ObjectMapper();
    private final HarvestReportReader reader = new HarvestReportReader(new HarvestHealthConfig() {
        @Override
        public int maxEvents() {
            return 2;
        }

        @Override
        public int keepPerKind() {
            return 10;
        }
    });

    private JsonNode body(String s) throws Exception {
        return json.readTree(s);
    }

    @Test
    void readsCountsAndEvents() throws Exception {
        HarvestReport r = reader.read(body("""
                {"harvested": 3, "events": [
                  {"kind": "REFUSED", "subject": "/d/bad.nxs", "reason": "NOT_HDF5: no signature", "at": "2026-12-05T03:00:00Z"},
                  {"kind": "swmr_waiting", "subject": "/d/open.nxs", "reason": "SWMR writer", "at": "2026-12-05T03:01:00Z"}]}"""));
        assertThat(r.harvested()).isEqualTo(3);
        assertThat(r.events()).containsExactly(
                new HarvestEvent(HarvestEventKind.REFUSED, "/d/bad.nxs", "NOT_HDF5: no signature", Instant.parse("2026-12-05T03:00:00Z")),
                new HarvestEvent(HarvestEventKind.SWMR_WAITING, "/d/open.nxs", "SWMR writer", Instant.parse("2026-12-05T03:01:00Z")));
        assertThat(r.count(HarvestEventKind.REFUSED)).isEqualTo(1);
        assertThat(r.count(HarvestEventKind.DEAD_LETTER)).isZero();
    }

    @Test
    void eachProblemNamesItsField() {
        assertField("[]", "body");
        assertField("{\"harvested\": -1}", "harvested");
        assertField("{\"harvested\": 1.5}", "harvested");
        assertField("{\"events\": {}}", "events");
        assertField("{\"events\": [1, 2, 3]}", "events");
        assertField("{\"events\": [7]}", "events[0]");
        assertField("{\"events\": [{\"kind\": \"LOST\", \"subject\": \"s\", \"reason\": \"r\", \"at\": \"2026-12-05T03:00:00Z\"}]}", "events[0].kind");
        // what the database cannot hold: NUL (PostgreSQL refuses it) and instants beyond the years 1-9999
        assertField("{\"events\": [{\"kind\": \"REFUSED\", \"subject\": \"a\\u0000b\", \"reason\": \"r\", \"at\": \"2026-12-05T03:00:00Z\"}]}", "events[0].subject");
        assertField("{\"events\": [{\"kind\": \"REFUSED\", \"subject\": \"s\", \"reason\": \"r\\u0001\", \"at\": \"2026-12-05T03:00:00Z\"}]}", "events[0].reason");
        assertField("{\"events\": [{\"kind\": \"REFUSED\", \"subject\": \"s\", \"reason\": \"r\", \"at\": \"+300000-01-01T00:00:00Z\"}]}", "events[0].at");
        assertField("{\"events\": [{\"kind\": \"REFUSED\", \"subject\": \"\", \"reason\": \"r\", \"at\": \"2026-12-05T03:00:00Z\"}]}", "events[0].subject");
        assertField("{\"events\": [{\"kind\": \"REFUSED\", \"subject\": \"s\", \"reason\": \"r\", \"at\": \"yesterday\"}]}", "events[0].at");
    }

    @Test
    void longTextIsCut() throws Exception {
        String longReason = "x".repeat(HarvestReportReader.MAX_TEXT + 50);
        HarvestReport r = reader.read(body("{\"events\": [{\"kind\": \"DEAD_LETTER\", \"subject\": \"msg-1\", \"reason\": \""
                + longReason + "\", \"at\": \"2026-12-05T03:00:00Z\"}]}"));
        assertThat(r.events().getFirst().reason()).hasSize(HarvestReportReader.MAX_TEXT + 1).endsWith("…");
    }

    private void assertField(String body, String field) {
        assertThatThrownBy(() -> reader.read(body(body)))
                .isInstanceOfSatisfying(HarvestReportReader.InvalidReport.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
