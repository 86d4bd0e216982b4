package io.aperture.harvester.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the whole harvest (sniffer, jhdf reader, extraction) with Jazzer, starting from real
 * NeXus files. In a normal {@code mvn test} this replays every committed input in
 * {@code src/test/resources/io/aperture/harvester/fuzz/HarvestFuzzTestInputs/harvestedOrRefused/} (the seeds and
 * each input that once broke the harvester) without instrumentation; with {@code JAZZER_FUZZ=1} it fuzzes
 * ({@code harvester/fuzz.sh}). The promise checked is {@link HarvestContract}'s. See docs/fuzzing.md.
 */
class HarvestFuzzTest {

    private static final HarvestContract CONTRACT = new HarvestContract();

    @FuzzTest(maxDuration = "60s")
    void harvestedOrRefused(FuzzedDataProvider data) {
        // the raw libFuzzer input is the whole file, so seeds are real files and libFuzzer's byte mutators apply
        CONTRACT.check(data.consumeRemainingAsBytes());
    }
}
