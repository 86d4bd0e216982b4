package io.aperture.harvester.scan;

import io.aperture.harvester.hdf5.FileSignature;
import io.aperture.harvester.nexus.HarvestConfig;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.record.HarvestRecord;
import io.aperture.testsupport.RepoFiles;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InProgressCheckTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration QUIET = Duration.ofMinutes(10);
    private final InProgressCheck check = new InProgressCheck(Clock.fixed(NOW, ZoneOffset.UTC), QUIET);

    /** Superblock v3 with the consistency flags given (bit 0 open for write, bit 2 SWMR). */
    private static FileSignature superblock(int flags) {
        return new FileSignature(4096, 0, 3, 0, 4096, flags);
    }

    private static List<HarvestRecord> withoutEndTime() throws Exception {
        List<HarvestRecord> records = new NexusHarvester(HarvestConfig.defaults()).harvest(RepoFiles.nexus("psi_sinq/dmc01.h5"));
        assertThat(records).allMatch(r -> r.endTime() == null);
        return records;
    }

    @Test
    void writeFlagsCountWhileTheFileChangesAndNotOnceAWriterHasLeftItAlone() {
        InProgressCheck.Verdict writing = check.fromSignature(superblock(0x05), NOW.minus(Duration.ofHours(1)));
        assertThat(writing.inProgress()).isEqualTo("superblock says the file is open for SWMR writing");
        assertThat(check.fromSignature(superblock(0x01), NOW.minus(Duration.ofHours(23))).inProgress())
                .isEqualTo("superblock says the file is open for writing");

        InProgressCheck.Verdict crashed = check.fromSignature(superblock(0x05),
                NOW.minus(InProgressCheck.STALE_WRITE_FLAGS).minusSeconds(1));
        assertThat(crashed.inProgress()).isNull();
        assertThat(crashed.warning()).contains("open for SWMR writing").contains("has not changed for 24 h")
                .contains("left open by a writer that stopped");

        assertThat(check.fromSignature(superblock(0), NOW)).isEqualTo(new InProgressCheck.Verdict(null, null));
    }

    @Test
    void aFutureModificationTimeBeyondTheSkewDoesNotKeepAFileWaitingUntilThatDate() throws Exception {
        List<HarvestRecord> records = withoutEndTime();
        assertThat(check.fromRecords(records, NOW.minus(Duration.ofMinutes(2))).inProgress())
                .isEqualTo("no end_time and modified 120 s ago (quiet period 600 s)");
        // within the skew: as recently modified
        assertThat(check.fromRecords(records, NOW.plus(Duration.ofMinutes(4))).inProgress()).isNotNull();

        InProgressCheck.Verdict future = check.fromRecords(records, NOW.plus(Duration.ofDays(400)));
        assertThat(future.inProgress()).isNull();
        assertThat(future.warning()).contains("in the future").contains("not believed");

        assertThat(check.fromRecords(records, NOW.minus(QUIET).minusSeconds(1))).isEqualTo(new InProgressCheck.Verdict(null, null));
    }
}
