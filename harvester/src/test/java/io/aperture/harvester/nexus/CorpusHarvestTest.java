package io.aperture.harvester.nexus;

import com.networknt.schema.ValidationMessage;
import io.aperture.testsupport.RepoFiles;
import io.aperture.record.RecordSchema;
import io.aperture.record.SchemaProblem;
import io.aperture.harvester.hdf5.FileProblem;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.aperture.record.HarvestRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Harvests every file of the NeXus test set (testdata/nexus). Each file has a stated outcome: the number of NXentry groups
 * (counted with h5ls) or the specific reason it is refused. A new file without an outcome fails the test.
 */
class CorpusHarvestTest {

    /** NXentry counts read with h5ls -r; refusals from the MANIFEST and the file signatures (xxd). */
    static final Map<String, Object> EXPECTED = Map.ofEntries(
            entry("appdef_examples/nxarpes.hdf5", 1), entry("appdef_examples/nxfluo.hdf5", 1),
            entry("appdef_examples/nxmonopd.hdf5", 1), entry("appdef_examples/nxrefscan.hdf5", 1),
            entry("appdef_examples/nxspe.hdf5", 1), entry("appdef_examples/nxstxm.hdf5", 1),
            entry("appdef_examples/nxtomo.hdf5", 1), entry("appdef_examples/nxxas.hdf5", 1),
            entry("bad/aps_14bmc_0015.xml", FileProblem.XML),
            entry("bad/aps_14bmc_0015_hdf4.nexus", FileProblem.HDF4),
            entry("bad/focus2007n001335_truncated.hdf", FileProblem.CORRUPT),
            entry("bad/napi_nxtest.xml.txt", FileProblem.XML),
            entry("bad/napi_nxtest_hdf4.hdf", FileProblem.HDF4),
            entry("links/epics_areadetector_example.h5", 1),
            entry("links/external_angles.hdf5", FileProblem.NOT_NEXUS),
            entry("links/external_counts.hdf5", 1), entry("links/external_master.hdf5", 1),
            entry("misc/dls_nxquadric_sample_capillary.nxs", 1), entry("misc/napi_nxtest.h5", 2),
            entry("misc/savu_fluo.nxs", 1), entry("misc/soleil_file_2.nxs", 1), entry("misc/writer_1_3.h5", 1),
            entry("neutron/ipns_lrmecs_lrcs3701.nx5", 2), entry("neutron/isis_loq_minimal_histogram.nxs", 1),
            entry("neutron/isis_sans2d_minimal_events.nxs", 1),
            entry("nxmx/dectris_eiger_master.h5", 1), entry("nxmx/dls_i03_therm_6_2.nxs", 1),
            entry("nxmx/eiger2_simread7_bslz4_data_000001.h5", 1),
            entry("nxmx/eiger_artificial_small/test_data_000001.h5", FileProblem.NOT_NEXUS),
            entry("nxmx/eiger_artificial_small/test_master.h5", FileProblem.NOT_NEXUS),
            entry("plain_hdf5/jhdf_hdf_v14_test1.hdf5", FileProblem.NOT_NEXUS),
            entry("plain_hdf5/jhdf_test_missing_filter.hdf5bad", FileProblem.NOT_NEXUS),
            entry("processed/dials_thaumatin_integrated.nxs", 1), entry("processed/savu_24737_processed.nxs", 1),
            entry("processed/savu_b16_pipeline.nxs", 1), entry("psi_sinq/dmc01.h5", 1),
            entry("psi_sinq/focus2007n001335.hdf", 1), entry("psi_sls/sls_focus_2021-03-16_051.hdf5", 1),
            entry("sas/aps_9idc_nxsas_areadetector.hdf5", 1), entry("sas/cansas2012_example_08_sans_saxs.h5", 1),
            entry("sas/isis_loq_sans_example_nxcansas.h5", 1), entry("sas/mantid_sans2d_33837rear_1d_nxcansas.h5", 1),
            entry("tomo/dls_i13_24888.nxs", 1));

    private final NexusHarvester harvester = new NexusHarvester(HarvestConfig.defaults());

    @Test
    void everySharedFileHasAStatedOutcome() throws IOException {
        assertThat(RepoFiles.nexusFiles()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @TestFactory
    Stream<DynamicTest> harvestsOrRefusesEveryFile() throws IOException {
        return RepoFiles.nexusFiles().stream().map(rel -> DynamicTest.dynamicTest(rel, () -> {
            Object expected = EXPECTED.get(rel);
            assertThat(expected).as("outcome stated for " + rel).isNotNull();
            if (expected instanceof FileProblem problem) {
                UnusableFileException e = catchThrowableOfType(UnusableFileException.class,
                        () -> harvester.harvest(RepoFiles.nexus(rel)));
                assertThat(e).as(rel + " must be refused").isNotNull();
                assertThat(e.problem()).isEqualTo(problem);
                assertThat(e.getMessage()).contains(RepoFiles.nexus(rel).getFileName().toString());
            } else {
                List<HarvestRecord> records = harvester.harvest(RepoFiles.nexus(rel));
                assertThat(records).hasSize((Integer) expected);
                for (List<SchemaProblem> errors : RecordSchema.check(records)) {
                    assertThat(errors).as("schema errors for " + rel).isEmpty();
                }
                for (HarvestRecord r : records) {
                    assertThat(r.title()).isNotBlank();
                    assertThat(r.producedAt()).isNotNull();
                    assertThat(r.files().getFirst().role().name()).isEqualTo("MASTER");
                }
            }
        }));
    }
}
