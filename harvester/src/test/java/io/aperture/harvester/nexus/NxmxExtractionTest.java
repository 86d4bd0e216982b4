package io.aperture.harvester.nexus;

import io.aperture.testsupport.RepoFiles;
import io.aperture.record.Detector;
import io.aperture.record.FileRef;
import io.aperture.record.HarvestRecord;
import io.aperture.record.Parameter;
import io.aperture.units.Quantity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Values below were read with h5dump from the files of testdata/nexus (see comments). */
class NxmxExtractionTest {

    private final NexusHarvester harvester = new NexusHarvester(HarvestConfig.defaults());

    @Test
    void diamondNxmxMasterWithVirtualDataset() throws Exception {
        HarvestRecord r = harvester.harvest(RepoFiles.nexus("nxmx/dls_i03_therm_6_2.nxs")).getFirst();

        // h5dump -d /entry/start_time: "2019-02-14T14:25:57" (no zone: Europe/London, GMT in February)
        assertThat(r.startTime()).isEqualTo(Instant.parse("2019-02-14T14:25:57Z"));
        assertThat(r.endTime()).isEqualTo(Instant.parse("2019-02-14T14:26:24Z"));
        assertThat(r.producedAt()).isEqualTo(r.endTime());
        assertThat(r.definition().name()).isEqualTo("NXmx");
        assertThat(r.kind()).isEqualTo(HarvestRecord.Kind.RAW);
        assertThat(r.techniques()).extracting("iri").containsExactly("http://purl.org/pan-science/PaNET/PaNET01164");
        // /entry/instrument@short_name = "I04"; source name "Diamond Light Source" with @short_name "DLS"
        assertThat(r.instrument().shortName()).isEqualTo("I04");
        assertThat(r.identity().beamline()).isEqualTo("i04");
        assertThat(r.instrument().source().name()).isEqualTo("Diamond Light Source");
        assertThat(r.instrument().source().shortName()).isEqualTo("DLS");

        // incident_wavelength 0.980274 angstrom
        Quantity wl = (Quantity) r.instrument().beam().get("incident_wavelength");
        assertThat(wl.value()).isCloseTo(0.980274, within(1e-6));
        assertThat(wl.unit()).isEqualTo("angstrom");
        assertThat(wl.siValue()).isCloseTo(0.980274e-10, within(1e-16));
        assertThat(wl.siUnit()).isEqualTo("m");

        Detector det = r.instrument().detectors().getFirst();
        assertThat(det.description()).isEqualTo("Eiger 16M");
        assertThat(det.sensorMaterial()).isEqualTo("Silicon");
        assertThat(det.distance().value()).isCloseTo(0.213959, within(1e-6));
        assertThat(det.sensorThickness().siValue()).isCloseTo(0.00045, within(1e-12));
        assertThat(det.xPixelSize().value()).isEqualTo(7.5e-05);
        assertThat(det.beamCenterX().value()).isCloseTo(2216.06, within(0.01));
        assertThat(det.beamCenterX().unitKnown()).isFalse(); // "pixels" has no SI equivalent
        // depends_on -> /entry/instrument/transformations/det_z: translation 213.959 mm along (0,0,1)
        assertThat(det.dependsOn()).isEqualTo("/entry/instrument/transformations/det_z");
        assertThat(det.position().get(0)).isEqualTo(0.0);
        assertThat(det.position().get(1)).isEqualTo(0.0);
        assertThat(det.position().get(2)).isCloseTo(0.213959, within(1e-6));
        assertThat(det.orientation().get(0)).containsExactly(1.0, 0.0, 0.0);

        // the group /entry/data holds a VDS that jhdf cannot read; its external link must survive
        assertThat(r.files()).extracting(FileRef::path)
                .anyMatch(p -> p.endsWith("nxmx/Therm_6_2_000001.h5"));
        FileRef link = r.files().stream().filter(f -> f.role() == FileRef.Role.EXTERNAL_LINK).findFirst().orElseThrow();
        assertThat(link.missing()).isTrue();
        assertThat(link.linkedFrom()).isEqualTo("/entry/data/data_000001");
        // h5ls -v: /entry/data/data Dataset {488/Inf, 4362/4362, 4148/4148}, Maps: Source { . /entry/data/data_000001 }
        // jhdf cannot load it; its header is decoded directly. Source "." is the master file itself.
        assertThat(r.datasets()).anySatisfy(d -> {
            assertThat(d.path()).isEqualTo("/entry/data/data");
            assertThat(d.dtype()).isEqualTo("virtual");
            assertThat(d.shape()).containsExactly(488L, 4362L, 4148L);
        });
        assertThat(r.files()).filteredOn(f -> f.path().endsWith("dls_i03_therm_6_2.nxs")).hasSize(1);
        assertThat(r.warnings()).isEmpty();
        // /entry/data/omega (488 values, deg) survives the recovery; NXdata @signal=data @axes=omega
        assertThat(r.datasets()).anyMatch(d -> d.path().equals("/entry/data/omega") && d.shape().equals(java.util.List.of(488L)));
        assertThat(r.defaultPlot().signal()).isEqualTo("data");
        assertThat(r.defaultPlot().axes()).containsExactly("omega");

        Map<String, Parameter> params = new java.util.HashMap<>();
        r.parameters().forEach(p -> params.put(p.name(), p));
        assertThat(params.get("/entry/instrument/detector_z/det_z").siValue()).isCloseTo(0.213959, within(1e-6));
        assertThat(params.get("/entry/instrument/detector_z/det_z").unit()).isEqualTo("mm");
        // module_offset @offset = (0.166204, 0.172531, -0) with @offset_units absent: not a parameter, but
        // hard-linked det_z appears only once
        assertThat(r.parameters().stream().filter(p -> p.name().endsWith("/det_z")).count()).isEqualTo(1);
    }

    @Test
    void virtualDatasetSourcesInOtherFilesAreListed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // Same file with the VDS source file name "." (global heap at 61504, mapping blob from 61536, name at +9)
        // replaced by "x": the mapping then points into a file "x" beside the master, which does not exist.
        byte[] bytes = java.nio.file.Files.readAllBytes(RepoFiles.nexus("nxmx/dls_i03_therm_6_2.nxs"));
        int nameAt = 61504 + 16 + 16 + 9;
        assertThat(new String(bytes, 61504, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GCOL");
        assertThat(bytes[nameAt]).isEqualTo((byte) '.');
        assertThat(bytes[nameAt + 1]).isEqualTo((byte) 0);
        bytes[nameAt] = 'x';
        java.nio.file.Path copy = java.nio.file.Files.write(dir.resolve("vds.nxs"), bytes);
        HarvestRecord r = harvester.harvest(copy).getFirst();
        assertThat(r.files()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo(dir.resolve("x").toString());
            assertThat(f.role()).isEqualTo(FileRef.Role.VDS_SOURCE);
            assertThat(f.missing()).isTrue();
            assertThat(f.linkedFrom()).isEqualTo("/entry/data/data");
        });
    }

    @Test
    void dectrisMasterDetectorAndLinks() throws Exception {
        HarvestRecord r = harvester.harvest(RepoFiles.nexus("nxmx/dectris_eiger_master.h5")).getFirst();
        Detector det = r.instrument().detectors().getFirst();
        // h5dump: detector_distance 0.134255 m, count_time 0.00499 s, sensor_material "Si\0", x_pixel_size 7.5e-05
        assertThat(det.distance().value()).isCloseTo(0.134255, within(1e-6));
        assertThat(det.countTime().value()).isCloseTo(0.00499, within(1e-9));
        assertThat(det.countTime().unit()).isEqualTo("s");
        assertThat(det.sensorMaterial()).isEqualTo("Si");
        assertThat(det.xPixelSize().siValue()).isCloseTo(7.5e-05, within(1e-10)); // stored as float32
        Quantity wl = (Quantity) r.instrument().beam().get("incident_wavelength");
        assertThat(wl.value()).isCloseTo(0.980112, within(1e-6));
        // large detector tables are described, with chunking and deflate, never read
        assertThat(r.datasets()).anySatisfy(d -> {
            assertThat(d.path()).endsWith("detectorModule_000/flatfield");
            assertThat(d.shape()).containsExactly(256L, 1024L);
            assertThat(d.dtype()).isEqualTo("float32");
            assertThat(d.chunks()).containsExactly(256L, 1024L);
            assertThat(d.filters()).containsExactly("deflate");
        });
        assertThat(r.files()).anySatisfy(f -> {
            assertThat(f.path()).endsWith("nxmx/dectris_eiger_data_000001.h5");
            assertThat(f.missing()).isTrue();
        });
    }
}
