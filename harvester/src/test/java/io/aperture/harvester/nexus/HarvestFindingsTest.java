package io.aperture.harvester.nexus;

import io.aperture.record.HarvestRecord;
import io.aperture.record.QualityFinding;
import io.aperture.testsupport.RepoFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each record carries the conformance findings of its own entry (docs/metadata-quality.md). */
class HarvestFindingsTest {
    private final NexusHarvester harvester = new NexusHarvester(HarvestConfig.defaults());

    @Test
    void theRecordCarriesItsEntrysFindings() throws Exception {
        HarvestRecord r = harvester.harvest(RepoFiles.nexus("tomo/dls_i13_24888.nxs")).getFirst();

        assertThat(r.findings()).extracting(QualityFinding::level, QualityFinding::path, QualityFinding::rule)
                .contains(tuple("error", "/entry1/tomo_entry/sample/name", "required"),
                        tuple("warning", "/entry1/tomo_entry/data", "legacy-plot"));
    }

    @Test
    void eachEntryGetsOnlyItsOwnFindings() throws Exception {
        List<HarvestRecord> records = harvester.harvest(RepoFiles.nexus("neutron/ipns_lrmecs_lrcs3701.nx5"));

        assertThat(records).hasSize(2);
        assertThat(records.get(0).findings()).extracting(QualityFinding::path)
                .containsExactlyInAnyOrder("/Histogram1/data", "/Histogram1/instrument/monochromator");
        assertThat(records.get(1).findings()).extracting(QualityFinding::path)
                .containsExactlyInAnyOrder("/Histogram2/data", "/Histogram2/instrument/monochromator");
    }

    @Test
    void aConformingFileGivesAnEmptyListNotNull() throws Exception {
        HarvestRecord r = harvester.harvest(RepoFiles.nexus("processed/savu_b16_pipeline.nxs")).getFirst();

        assertThat(r.findings()).isNotNull().isEmpty();
    }
}
