package io.aperture.harvester.nexus;

import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;
import io.aperture.record.RecordSchema;
import io.aperture.testsupport.RepoFiles;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The harvester renders each entry's default plot into its record while the file is open (docs/harvester.md#previews). */
class HarvestPreviewTest {

    @Test
    void aRealFilesDefaultPlotTravelsWithItsRecordAsAPng() throws Exception {
        List<HarvestRecord> records = new NexusHarvester(HarvestConfig.defaults()).withPreviews(Clock.systemUTC())
                .harvest(RepoFiles.nexus("psi_sinq/dmc01.h5"));
        HarvestRecord r = records.getFirst();
        assertThat(r.defaultPlot()).isNotNull();
        assertThat(r.preview()).isNotNull();
        byte[] png = Base64.getDecoder().decode(r.preview());
        assertThat(png.length).isBetween(8, HarvestRecord.MAX_PREVIEW_BYTES);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isLessThanOrEqualTo(256).isPositive();
        // the record with its preview is still a valid record of the format
        assertThat(RecordSchema.check(RecordJson.mapper().valueToTree(r))).isEmpty();
    }

    @Test
    void thePreviewsTimeBudgetIsMeasuredOnTheGivenClock() throws Exception {
        // a clock on which every reading is an hour after the last: the 2 s budget is gone before the first slice
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock leaping = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                now[0] = now[0].plus(Duration.ofHours(1));
                return now[0];
            }
        };
        HarvestRecord r = new NexusHarvester(HarvestConfig.defaults()).withPreviews(leaping)
                .harvest(RepoFiles.nexus("psi_sinq/dmc01.h5")).getFirst();
        assertThat(r.defaultPlot()).isNotNull();
        assertThat(r.preview()).isNull();
    }

    @Test
    void withoutPreviewsTheHarvestRendersNone() throws Exception {
        HarvestRecord r = new NexusHarvester(HarvestConfig.defaults()).harvest(RepoFiles.nexus("psi_sinq/dmc01.h5")).getFirst();
        assertThat(r.defaultPlot()).isNotNull();
        assertThat(r.preview()).as("the metadata harvest reads no data (NoBulkReadTest)").isNull();
    }
}
