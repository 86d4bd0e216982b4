package io.aperture.harvester.nexus;

import io.aperture.testsupport.RepoFiles;
import io.aperture.harvester.fuzz.HarvestContract;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random damage to the metadata region of real files, checked against the same promise as the fuzz test
 * ({@link HarvestContract}: records, or a refusal naming the problem; no other exception, no swallowed Error, no
 * hang). A small deterministic companion of {@code HarvestFuzzTest} that needs no fuzzing run; see docs/fuzzing.md.
 */
class DamagedFilesTest {

    @Test
    void damagedHeadersAreRefusedOrReadNeverThrown() throws Exception {
        HarvestContract contract = new HarvestContract();
        Random rnd = new Random(42);
        int refused = 0;
        int harvested = 0;
        for (String rel : List.of("tomo/dls_i13_24888.nxs", "nxmx/dls_i03_therm_6_2.nxs", "misc/writer_1_3.h5")) {
            byte[] original = Files.readAllBytes(RepoFiles.nexus(rel));
            for (int i = 0; i < 120; i++) {
                byte[] damaged = original.clone();
                int flips = 1 + rnd.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    damaged[rnd.nextInt(Math.min(damaged.length, 8192))] = (byte) rnd.nextInt(256);
                }
                HarvestContract.Outcome outcome;
                try {
                    outcome = contract.check(damaged);
                } catch (HarvestContract.Violation v) {
                    throw new AssertionError(rel + " mutation " + i + ": " + v.getMessage(), v);
                }
                if (outcome.refused() != null) {
                    refused++;
                } else {
                    harvested++;
                }
            }
        }
        assertThat(refused).as("some damage must be detected").isPositive();
        assertThat(harvested).as("most single-byte damage leaves the file readable").isPositive();
    }
}
