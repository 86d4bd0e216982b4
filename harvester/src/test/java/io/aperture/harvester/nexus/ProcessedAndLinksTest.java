package io.aperture.harvester.nexus;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.testsupport.RepoFiles;
import io.aperture.record.FileRef;
import io.aperture.record.HarvestRecord;
import io.aperture.record.Processing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessedAndLinksTest {

    private final NexusHarvester harvester = new NexusHarvester(HarvestConfig.defaults());

    private HarvestRecord one(String rel) throws Exception {
        return harvester.harvest(RepoFiles.nexus(rel)).getFirst();
    }

    @Test
    void savuProcessListNotesBecomeJsonParametersAndCitations() throws Exception {
        HarvestRecord r = one("processed/savu_b16_pipeline.nxs");
        assertThat(r.kind()).isEqualTo(HarvestRecord.Kind.PROCESSED);
        // 6 NXcite groups; plugin/2 cites https://doi.org/10.1364/OE.22.019078, plugin/3 10.1364/OE.24.025129
        assertThat(r.citations()).hasSize(6);
        assertThat(r.citations()).extracting("doi").contains("https://doi.org/10.1364/OE.22.019078", "10.1364/OE.24.025129");
        assertThat(r.citations()).extracting("description").contains("The Savu framework design is described in this paper.");
        // /entry/plugin is the NXprocess; its NXnote "1" is the NxtomoLoader with JSON in "data"
        Processing p = r.processing().getFirst();
        assertThat(p.name()).isEqualTo("plugin");
        JsonNode loader = p.parameters().get("1");
        assertThat(loader.get("name").asText()).isEqualTo("NxtomoLoader");
        assertThat(loader.get("data").isObject()).isTrue();
        assertThat(loader.get("data").get("data_path").asText()).isEqualTo("entry1/tomo_entry/data/data");
        assertThat(p.parameters().get("2").get("name").asText()).isEqualTo("VoCentering");
        assertThat(p.parameters().get("3").get("name").asText()).isEqualTo("AstraReconCpu");
    }

    @Test
    void savuOutputKnowsItsRawInput() throws Exception {
        // /entry/input_data/tomo/data -> /home/qmm55171/Documents/temp_docs/temp_output/24737.nxs:/entry1/tomo_entry/data/data
        HarvestRecord r = one("processed/savu_24737_processed.nxs");
        assertThat(r.kind()).isEqualTo(HarvestRecord.Kind.PROCESSED);
        assertThat(r.derivedFrom()).containsExactly("/home/qmm55171/Documents/temp_docs/temp_output/24737.nxs#entry1");
        assertThat(r.files()).extracting(FileRef::path).contains(
                "/home/qmm55171/Documents/temp_docs/temp_output/24737.nxs",
                RepoFiles.nexus("processed/savu_24737_processed.nxs").getParent().resolve("tomo_p1_dark_flat_field_correction.h5").toString());
        assertThat(r.files()).filteredOn(f -> f.role() == FileRef.Role.EXTERNAL_LINK).allMatch(FileRef::missing);
        assertThat(r.citations()).hasSize(3);
    }

    @Test
    void dialsProcessedEntry() throws Exception {
        // program_name "dials.export_nxmx"; NXprocess date "2020-01-28T16:03:25"; subentry definition NXmx
        HarvestRecord r = one("processed/dials_thaumatin_integrated.nxs");
        assertThat(r.kind()).isEqualTo(HarvestRecord.Kind.PROCESSED);
        assertThat(r.program().name()).isEqualTo("dials.export_nxmx");
        assertThat(r.title()).isEqualTo("FROM_DIALS");
        assertThat(r.definition().name()).isEqualTo("NXmx");
        Processing p = r.processing().getFirst();
        assertThat(p.date()).isEqualTo(Instant.parse("2020-01-28T16:03:25Z").toString());
        assertThat(p.parameters().get("indexing").get("author").asText()).isEqualTo("dials.index");
        assertThat(r.instrument().detectors().getFirst().sensorThickness().siValue()).isEqualTo(0.00032);
    }

    @Test
    void mantidAndCansasAreProcessedSmallAngleScattering() throws Exception {
        HarvestRecord mantid = one("sas/mantid_sans2d_33837rear_1d_nxcansas.h5");
        assertThat(mantid.title()).isEqualTo("MH4_5deg_16T_SLOW");
        assertThat(mantid.kind()).isEqualTo(HarvestRecord.Kind.PROCESSED);
        assertThat(mantid.instrument().name()).isEqualTo("SANS2D");
        assertThat(mantid.techniques()).extracting("iri").containsExactly("http://purl.org/pan-science/PaNET/PaNET01124");
        HarvestRecord cansas = one("sas/cansas2012_example_08_sans_saxs.h5");
        assertThat(cansas.title()).isEqualTo("I(|Q|): Complementary SANS & SAXS techniques.");
        assertThat(cansas.kind()).isEqualTo(HarvestRecord.Kind.PROCESSED);
    }

    @Test
    void externalLinksToPresentFilesCarrySizeAndTime() throws Exception {
        // external_master links to external_counts.hdf5 (11152 bytes) and external_angles.hdf5 (6392 bytes)
        HarvestRecord r = one("links/external_master.hdf5");
        assertThat(r.files()).hasSize(3);
        FileRef counts = r.files().stream().filter(f -> f.path().endsWith("external_counts.hdf5")).findFirst().orElseThrow();
        assertThat(counts.missing()).isFalse();
        assertThat(counts.size()).isEqualTo(11152L);
        assertThat(counts.modified()).isEqualTo(Files.getLastModifiedTime(RepoFiles.nexus("links/external_counts.hdf5")).toInstant());
        FileRef angles = r.files().stream().filter(f -> f.path().endsWith("external_angles.hdf5")).findFirst().orElseThrow();
        assertThat(angles.size()).isEqualTo(6392L);
        assertThat(r.defaultPlot().signal()).isEqualTo("counts");
        assertThat(r.defaultPlot().axes()).containsExactly("two_theta");
    }

    @Test
    void linkTargetsOutsideTheMastersFolderOrNotRegularFilesAreListedUnresolvedAndNeverOpened(@TempDir Path dir) throws Exception {
        Path master = HostileLinkTargets.master(dir);
        HarvestRecord r = harvester.harvest(master).getFirst();
        Path visit = master.getParent();
        FileRef counts = r.files().stream().filter(f -> f.path().endsWith("external_counts.hdf5")).findFirst().orElseThrow();
        FileRef angles = r.files().stream().filter(f -> f.path().endsWith("external_angles.hdf5")).findFirst().orElseThrow();
        assertThat(counts.missing()).isTrue();
        assertThat(counts.size()).isNull();
        assertThat(counts.modified()).isNull();
        assertThat(angles.missing()).isTrue();
        assertThat(angles.size()).isNull();
        String outside = visit.resolve("external_counts.hdf5") + ": not followed: really "
                + HostileLinkTargets.secret(dir).toRealPath() + ", outside the master file's folder";
        assertThat(r.warnings()).anyMatch(w -> w.contains(outside));
        assertThat(r.warnings()).anyMatch(w -> w.contains(visit.resolve("external_angles.hdf5") + ": not followed: not a regular file"));
    }

    @Test
    void aLinkTargetNamedOutsideTheMastersFolderIsNotEvenLookedAt(@TempDir Path dir) throws Exception {
        Path master = Files.createDirectories(dir.resolve("visit")).resolve("m.nxs");
        assertThat(LinkedFiles.refusal(master, Path.of("/etc/ssl/openssl.cnf"))).contains("not followed: outside the master file's folder");
        assertThat(LinkedFiles.refusal(master, EntryExtractor.resolveLinkedFile(master, "../../etc/passwd"))).isPresent();
    }

    @Test
    void oldStyleSignalAttributeGivesTheDefaultPlot() throws Exception {
        // /Scan/data/counts has @signal="1" @axes="two_theta", 31 points, @units counts
        HarvestRecord r = one("misc/writer_1_3.h5");
        assertThat(r.defaultPlot().path()).isEqualTo("/Scan/data");
        assertThat(r.defaultPlot().signal()).isEqualTo("counts");
        assertThat(r.defaultPlot().axes()).containsExactly("two_theta");
        assertThat(r.defaultPlot().shape()).containsExactly(31L);
        assertThat(r.defaultPlot().units()).isEqualTo("counts");
    }

    @Test
    void multiEntryNapiFile() throws Exception {
        var rs = harvester.harvest(RepoFiles.nexus("misc/napi_nxtest.h5"));
        assertThat(rs).extracting(r -> r.source().entry()).containsExactly("entry", "link");
    }
}
