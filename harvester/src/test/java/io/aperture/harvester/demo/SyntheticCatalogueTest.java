package io.aperture.harvester.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;
import io.aperture.record.RecordSchema;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticCatalogueTest {
    private final SyntheticRecords demo = new SyntheticRecords(1, 10, true);

    @Test
    void theBenchmarksRecordsAreTheOnesTheyWereMeasuredWith() throws Exception {
        // SHA-256 of records 0..1999 as bench/catalogue/SyntheticRecords.java wrote them before the generator moved here
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (long i = 0; i < 2000; i++) {
            md.update(SyntheticRecords.BENCHMARK.json(i).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(HexFormat.of().formatHex(md.digest())).isEqualTo("bbb58debf859713f4ecee4638353592de7a2c90662c747b55b800aa57c5bdc1b");
    }

    @Test
    void demoRecordsAreValidLabelledAndReproducible() throws Exception {
        Set<String> beamlines = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        for (long i = 0; i < 3000; i += 7) {
            HarvestRecord r = demo.record(i);
            JsonNode json = RecordJson.mapper().readTree(demo.json(i));
            assertThat(RecordSchema.check(json)).as("record %d", i).isEmpty();
            assertThat(r.title()).startsWith("Synthetic: ");
            assertThat(r.source().path()).startsWith("/synthetic/");
            assertThat(r.identity().proposal()).isEqualTo(demo.proposalCode(demo.proposalIndex(i))).startsWith("syn");
            beamlines.add(r.identity().beamline());
            years.add(r.startTime().atZone(java.time.ZoneOffset.UTC).getYear());
        }
        assertThat(beamlines).hasSizeGreaterThanOrEqualTo(10);
        assertThat(years).hasSizeGreaterThanOrEqualTo(10);
        assertThat(new SyntheticRecords(1, 10, true).json(123)).isEqualTo(demo.json(123));
        assertThat(new SyntheticRecords(2, 10, true).json(123)).isNotEqualTo(demo.json(123));
    }

    @Test
    void proposalsMatchTheRecordsAndCoverEveryCaseOfMembership() {
        ObjectNode body = new SyntheticProposals(demo).userOffice(3000);
        JsonNode proposals = body.get("proposals");
        assertThat(proposals).hasSize(75); // 10 scans x 4 visits per proposal
        JsonNode first = proposals.get(0);
        assertThat(first.get("code").asText()).isEqualTo("syn20000");
        assertThat(first.get("visits")).hasSize(4);
        assertThat(first.get("visits").get(1).get("code").asText()).isEqualTo(demo.record(10).identity().visit());
        assertThat(first.get("members").findValuesAsText("username")).containsExactly("pi", "alternate", "member");
        assertThat(first.get("members").get(0).get("person").get("orcid").asText()).isEqualTo("0000-0002-1825-0097");
        assertThat(proposals.get(7).get("members")).isEmpty();
        assertThat(proposals.get(3).get("members").findValuesAsText("role")).containsExactly("PI", "TEAM_MEMBER");
        assertThat(proposals.get(3).get("members").findValues("username")).isEmpty();
        for (JsonNode v : proposals.get(12).get("visits")) {
            assertThat(v.get("start").asText()).isLessThan(v.get("end").asText());
        }
        assertThat(new SyntheticProposals(demo).userOffice(0).get("proposals")).isEmpty();
    }
}
