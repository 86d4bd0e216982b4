package io.aperture.harvester.nexus;

import io.aperture.testsupport.RepoFiles;
import io.aperture.record.HarvestRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Times, titles and identities as h5dump shows them in the files of testdata/nexus. */
class TimesAndIdentityTest {

    private final NexusHarvester harvester = new NexusHarvester(HarvestConfig.defaults());

    private HarvestRecord one(String rel) throws Exception {
        return harvester.harvest(RepoFiles.nexus(rel)).getFirst();
    }

    @Test
    void slsFileWithUserBlockIsReadAndItsOffsetTimesAreHonoured() throws Exception {
        // 32 KiB user block; start_time "2021-03-16T12:42:07+01:00", end_time "2021-03-16T12:42:22+01:00"
        HarvestRecord r = one("psi_sls/sls_focus_2021-03-16_051.hdf5");
        assertThat(r.title()).isEqualTo("Focus");
        assertThat(r.definition().name()).isEqualTo("NXstxm");
        assertThat(r.startTime()).isEqualTo(Instant.parse("2021-03-16T11:42:07Z"));
        assertThat(r.endTime()).isEqualTo(Instant.parse("2021-03-16T11:42:22Z"));
        assertThat(r.techniques()).extracting("iri").containsExactly("http://purl.org/pan-science/PaNET/PaNET01219");
    }

    @Test
    void nonAsciiUnitSpellingsAreDecodedAndUnderstood() throws Exception {
        // h5dump shows coarse_x/offset@units as "\316\274m" (UTF-8 μm) and ring_x_min/offset@units as "\265m"
        // (Latin-1 µm) in the SLS file, and "\260" (Latin-1 degree sign) on SOLEIL's MONO-MT_THETA offset = -0.02905
        HarvestRecord sls = one("psi_sls/sls_focus_2021-03-16_051.hdf5");
        assertThat(sls.parameters()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("/entry1/collection/coarse_x/offset");
            assertThat(p.unit()).isEqualTo("\u03bcm");
            assertThat(p.siUnit()).isEqualTo("m");
        });
        assertThat(sls.parameters()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("/entry1/collection/ring_x_min/offset");
            assertThat(p.unit()).isEqualTo("\u00b5m");
            assertThat(p.unitKnown()).isTrue();
        });
        HarvestRecord soleil = one("misc/soleil_file_2.nxs");
        assertThat(soleil.parameters()).anySatisfy(p -> {
            assertThat(p.name()).endsWith("/D13-1-C03__OP__MONO-MT_THETA__#1/offset");
            assertThat(p.unit()).isEqualTo("\u00b0");
            assertThat(p.siValue()).isCloseTo(Math.toRadians(-0.02905), within(1e-9));
        });
    }

    @Test
    void ipnsFileHasTwoEntriesWithOffsetWithoutColon() throws Exception {
        // /Histogram1/start_time "2001-02-07T08:54:21-0600", end_time "2001-02-09T14:12:53-0600"
        List<HarvestRecord> rs = harvester.harvest(RepoFiles.nexus("neutron/ipns_lrmecs_lrcs3701.nx5"));
        assertThat(rs).extracting(r -> r.source().entry()).containsExactly("Histogram1", "Histogram2");
        for (HarvestRecord r : rs) {
            assertThat(r.title()).isEqualTo("MgB2 PDOS 43.37g 8K 120meV E0@240Hz T0@120Hz");
            assertThat(r.startTime()).isEqualTo(Instant.parse("2001-02-07T14:54:21Z"));
            assertThat(r.endTime()).isEqualTo(Instant.parse("2001-02-09T20:12:53Z"));
        }
        // /Histogram2/run_number = 3701
        assertThat(rs.get(1).identity().scanNumber()).isEqualTo("3701");
        assertThat(rs.get(0).defaultPlot().shape()).containsExactly(148L, 750L);
        assertThat(rs.get(1).defaultPlot().shape()).containsExactly(148L, 35L);
        assertThat(rs.get(0).defaultPlot().axes()).containsExactly("polar_angle", "time_of_flight");
    }

    @Test
    void zonelessTimesUseTheFacilityZoneIncludingSummerTime() throws Exception {
        // dmc01 start_time "2005-05-27 05:44:13" (space, no zone; London is on BST in May)
        HarvestRecord dmc = one("psi_sinq/dmc01.h5");
        assertThat(dmc.startTime()).isEqualTo(Instant.parse("2005-05-27T04:44:13Z"));
        assertThat(dmc.title()).isEqualTo("Ga0.94Mn0.04Sb_8mm 2.567A T=4");
        // no end_time: producedAt falls back to the file modification time
        assertThat(dmc.endTime()).isNull();
        assertThat(dmc.producedAt()).isEqualTo(dmc.source().modified());

        HarvestRecord focus = one("psi_sinq/focus2007n001335.hdf");
        assertThat(focus.startTime()).isEqualTo(Instant.parse("2007-09-03T15:16:36Z"));
        assertThat(focus.endTime()).isEqualTo(Instant.parse("2007-09-03T19:44:13Z"));
        assertThat(focus.title()).isEqualTo("vanadium at 6AA and 300K");
        // sample name "vandi", temperature 296.379 K
        assertThat(focus.sample().name()).isEqualTo("vandi");
        assertThat(focus.sample().temperature().value()).isCloseTo(296.379, within(1e-3));
        assertThat(focus.sample().temperature().siUnit()).isEqualTo("K");
        // FOCUS/monochromator lambda 5.99993 "Angstroem"
        assertThat(focus.parameters()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("/entry1/FOCUS/monochromator/lambda");
            assertThat(p.unit()).isEqualTo("Angstroem");
            assertThat(p.siValue()).isCloseTo(5.99993e-10, within(1e-15));
        });
        // fermi_chopper rotation_speed 16810 "rpm" -> Hz
        assertThat(focus.parameters()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("/entry1/FOCUS/fermi_chopper/rotation_speed");
            assertThat(p.siValue()).isCloseTo(16810 / 60.0, within(1e-6));
        });
    }

    @Test
    void otherZoneFacilitiesCanBeConfigured() throws Exception {
        NexusHarvester zurich = new NexusHarvester(HarvestConfig.defaults().withZone(java.time.ZoneId.of("Europe/Zurich")));
        HarvestRecord focus = zurich.harvest(RepoFiles.nexus("psi_sinq/focus2007n001335.hdf")).getFirst();
        assertThat(focus.startTime()).isEqualTo(Instant.parse("2007-09-03T14:16:36Z"));
    }

    @Test
    void soleilTimeWithOffsetAndUsers() throws Exception {
        // start_time "2008-11-18T12:41:20+0100"; NXuser name "THIAUDIERE Dominique", role proposer
        HarvestRecord r = one("misc/soleil_file_2.nxs");
        assertThat(r.startTime()).isEqualTo(Instant.parse("2008-11-18T11:41:20Z"));
        assertThat(r.users()).anySatisfy(u -> {
            assertThat(u.name()).isEqualTo("THIAUDIERE Dominique");
            assertThat(u.role()).isEqualTo("proposer");
            assertThat(u.affiliation()).isEqualTo("Synchrotron SOLEIL");
        });
    }

    @Test
    void apsTimesAndDetectorInMillimetres() throws Exception {
        // start "2016-06-23T12:02:31-06:00", end "2016-06-23T16:00:20-06:00"; detector/distance 540.8 mm
        HarvestRecord r = one("sas/aps_9idc_nxsas_areadetector.hdf5");
        assertThat(r.startTime()).isEqualTo(Instant.parse("2016-06-23T18:02:31Z"));
        assertThat(r.endTime()).isEqualTo(Instant.parse("2016-06-23T22:00:20Z"));
        assertThat(r.title()).isEqualTo("NeXus NXsas example");
        assertThat(r.instrument().name()).isEqualTo("APS 9-ID-C USAXS pinSAXS");
        assertThat(r.instrument().detectors().getFirst().distance().value()).isEqualTo(540.8);
        assertThat(r.instrument().detectors().getFirst().distance().siValue()).isCloseTo(0.5408, within(1e-9));
        // monochromator wavelength 0.590402 "Angstroms"
        assertThat(((io.aperture.units.Quantity) r.instrument().monochromator().get("wavelength")).siValue())
                .isCloseTo(0.590402e-10, within(1e-15));
        assertThat(r.defaultPlot().units()).isEqualTo("counts");
    }

    @Test
    void diamondTomographyIdentityFromFieldsAndLinkedVisitFolder() throws Exception {
        // entry_identifier "24888", experiment_identifier "mt9396-1", program_name "GDA 8.36.0",
        // external links into /dls/i13/data/2014/mt9396-1/raw/pco1-24888.hdf, NXuser username "ssg37927"
        HarvestRecord r = one("tomo/dls_i13_24888.nxs");
        assertThat(r.title()).isEqualTo("Mg[2]33C1");
        assertThat(r.identity().entryIdentifier()).isEqualTo("24888");
        assertThat(r.identity().experimentIdentifier()).isEqualTo("mt9396-1");
        assertThat(r.identity().visit()).isEqualTo("mt9396-1");
        assertThat(r.identity().proposal()).isEqualTo("mt9396");
        assertThat(r.identity().scanNumber()).isEqualTo("24888");
        assertThat(r.identity().beamline()).isEqualTo("i13");
        assertThat(r.program().name()).isEqualTo("GDA");
        assertThat(r.program().version()).isEqualTo("8.36.0");
        assertThat(r.definition().name()).isEqualTo("NXtomo");
        assertThat(r.definition().path()).isEqualTo("/entry1/tomo_entry/definition");
        assertThat(r.techniques()).extracting("label").containsExactly("tomography");
        assertThat(r.users()).extracting("username").containsExactly("ssg37927");
        assertThat(r.files()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo("/dls/i13/data/2014/mt9396-1/raw/pco1-24888.hdf");
            assertThat(f.missing()).isTrue();
        });
    }

    @Test
    void missingTitleGivesDerivedTitle() throws Exception {
        // savu_fluo /entry1/fluo_entry/title is "" and there is no /entry1/title
        HarvestRecord r = one("misc/savu_fluo.nxs");
        assertThat(r.title()).isEqualTo("savu_fluo.nxs entry1");
    }

    @Test
    void beamlineRulesAddTechniques() throws Exception {
        var rule = new io.aperture.record.Technique("http://purl.org/pan-science/PaNET/PaNET01207", "x-ray tomography");
        NexusHarvester h = new NexusHarvester(HarvestConfig.defaults().withBeamlineTechniques(java.util.Map.of("i13", List.of(rule))));
        HarvestRecord r = h.harvest(RepoFiles.nexus("tomo/dls_i13_24888.nxs")).getFirst();
        assertThat(r.techniques()).extracting("label").containsExactly("tomography", "x-ray tomography");
    }
}
