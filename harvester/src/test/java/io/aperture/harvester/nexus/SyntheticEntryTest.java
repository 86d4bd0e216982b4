package io.aperture.harvester.nexus;

import io.aperture.harvester.hdf5.MemTree;
import io.aperture.record.Detector;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Features that no file of testdata/nexus exercises, on an in-memory tree behind the same reader interface. */
class SyntheticEntryTest {

    private static final Path FILE = Path.of("/dls/i03/data/2022/cm22951-1/xtal_01/scan-00123.nxs");

    private HarvestRecord harvest(MemTree.Group root) {
        FileFacts facts = new FileFacts(FILE, 1234, Instant.parse("2022-06-01T10:00:00Z"));
        MemTree.Group entry = (MemTree.Group) root.children().getFirst();
        return new EntryExtractor(HarvestConfig.defaults()).extract(MemTree.file(FILE, root), facts, entry);
    }

    private static MemTree.Group tree() {
        MemTree.Group root = new MemTree.Group("", "/");
        MemTree.Group entry = root.group("entry", "NXentry");
        entry.text("title", "lysozyme");
        entry.text("start_time", "Tue Mar 13 09:07:07 2007");
        entry.text("end_time", "2007-03-13 09:37:07.5");
        MemTree.Group sample = entry.group("sample", "NXsample");
        sample.text("name", "lysozyme crystal");
        sample.text("chemical_formula", "C613H959N193O185S10");
        sample.number("temperature", 100, "K");
        sample.number("pressure", 1013.25, "mbar");
        MemTree.Group instrument = entry.group("instrument", "NXinstrument");
        MemTree.Group det = instrument.group("detector", "NXdetector");
        det.number("distance", 250, "mm");
        MemTree.Group tr = det.group("transformations", "NXtransformations");
        // 90 deg about y, then the arm is 0.25 m long along the rotated z: detector ends up on +x
        tr.number("two_theta", 90, "deg").attr("transformation_type", "rotation").attr("vector", 0, 1, 0)
                .attr("depends_on", ".");
        tr.number("arm", 250, "mm").attr("transformation_type", "translation").attr("vector", 0, 0, 1)
                .attr("depends_on", "two_theta").attr("offset", 0, 10, 0).attr("offset_units", "mm");
        det.text("depends_on", "/entry/instrument/detector/transformations/arm");
        MemTree.Group cite = entry.group("reference", "NXcite");
        cite.text("doi", "10.1107/S0907444909047337");
        return root;
    }

    @Test
    void sampleChemistryPressureAsctimeAndRotatingDetectorArm() throws Exception {
        HarvestRecord r = harvest(tree());
        assertThat(r.sample().chemicalFormula()).isEqualTo("C613H959N193O185S10");
        assertThat(r.sample().pressure().siValue()).isCloseTo(101325.0, within(1e-6));
        assertThat(r.sample().temperature().siUnit()).isEqualTo("K");
        // asctime without zone: London, GMT on 13 March 2007
        assertThat(r.startTime()).isEqualTo(Instant.parse("2007-03-13T09:07:07Z"));
        assertThat(r.endTime()).isEqualTo(Instant.parse("2007-03-13T09:37:07.500Z"));

        Detector d = r.instrument().detectors().getFirst();
        assertThat(d.position().get(0)).isCloseTo(0.25, within(1e-12));
        assertThat(d.position().get(1)).isCloseTo(0.01, within(1e-12));
        assertThat(d.position().get(2)).isCloseTo(0.0, within(1e-12));
        // rotation of +90 deg about y maps z onto x
        assertThat(d.orientation().get(0).get(2)).isCloseTo(1.0, within(1e-12));
        assertThat(d.orientation().get(2).get(0)).isCloseTo(-1.0, within(1e-12));

        // identity from the Diamond path layout
        assertThat(r.identity().beamline()).isEqualTo("i03");
        assertThat(r.identity().visit()).isEqualTo("cm22951-1");
        assertThat(r.identity().proposal()).isEqualTo("cm22951");
        assertThat(r.identity().scanNumber()).isEqualTo("123"); // from scan-00123.nxs
        assertThat(r.citations()).extracting("doi").containsExactly("10.1107/S0907444909047337");
        // the offset attribute with its _units sibling is a parameter
        assertThat(r.parameters()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("/entry/instrument/detector/transformations/arm@offset[1]");
            assertThat(p.siValue()).isCloseTo(0.01, within(1e-12));
        });
        assertThat(RecordSchema.check(List.of(r))).allMatch(List::isEmpty);
    }

    @Test
    void brokenAndLoopingChainsGiveWarningsNotFailures() {
        MemTree.Group root = tree();
        MemTree.Group tr = (MemTree.Group) ((MemTree.Group) ((MemTree.Group) ((MemTree.Group) root.children().getFirst())
                .group("instrument").orElseThrow()).group("detector").orElseThrow()).group("transformations").orElseThrow();
        ((MemTree.Dataset) tr.child("two_theta").orElseThrow()).attr("depends_on", "arm");
        HarvestRecord r = harvest(root);
        assertThat(r.instrument().detectors().getFirst().position()).isNull();
        assertThat(r.warnings()).anyMatch(w -> w.contains("loops"));
    }

    @Test
    void anAbsurdUnitOrValueCostsOnlyThatValue() {
        MemTree.Group root = tree();
        MemTree.Group sample = (MemTree.Group) ((MemTree.Group) root.children().getFirst()).group("sample").orElseThrow();
        sample.number("field_strength", 2, "T^99999");
        sample.number("thickness", 1e308, "km");
        HarvestRecord r = harvest(root);
        assertThat(r.sample().name()).as("the rest of the file is catalogued").isEqualTo("lysozyme crystal");
        assertThat(r.parameters()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("/entry/sample/field_strength");
            assertThat(p.unit()).isEqualTo("T^99999");
            assertThat(p.siValue()).isNull();
        });
        assertThat(r.parameters()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("/entry/sample/thickness");
            assertThat(p.siValue()).isNull();
        });
        assertThat(RecordSchema.check(List.of(r))).allMatch(List::isEmpty);
    }

    @Test
    void aTextPastTheRecordsBoundIsCutWithAWarningAndTheRecordKept() {
        MemTree.Group root = tree();
        MemTree.Group entry = (MemTree.Group) root.children().getFirst();
        // the cut would fall between the two halves of the emoji: it falls before it
        String title = "a".repeat(HarvestRecord.MAX_TEXT - 2) + "\uD83D\uDE00" + "b".repeat(100);
        entry.text("title", title);
        MemTree.Group sample = (MemTree.Group) entry.group("sample").orElseThrow();
        sample.text("description", "  " + "grown in 2 M NaCl. ".repeat(400) + "  ");
        HarvestRecord r = harvest(root);

        assertThat(r.title()).hasSize(HarvestRecord.MAX_TEXT - 1)
                .isEqualTo("a".repeat(HarvestRecord.MAX_TEXT - 2) + "\u2026");
        assertThat(r.sample().description()).hasSize(HarvestRecord.MAX_TEXT).startsWith("grown in 2 M NaCl.").endsWith("\u2026");
        assertThat(r.parameters()).filteredOn(p -> p.name().equals("/entry/title"))
                .singleElement().satisfies(p -> assertThat(p.text()).hasSizeLessThanOrEqualTo(HarvestRecord.MAX_TEXT));
        assertThat(r.warnings()).contains(
                "/entry/title holds " + title.length() + " characters; cut to 4000 (the catalogue takes no more)");
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("/entry/sample/description holds 7599 characters"));
        assertThat(r.sample().name()).isEqualTo("lysozyme crystal");
    }

    @Test
    void aTextWithinTheBoundIsKeptWhole() {
        MemTree.Group root = tree();
        MemTree.Group entry = (MemTree.Group) root.children().getFirst();
        String title = "c".repeat(HarvestRecord.MAX_TEXT);
        entry.text("title", title);
        HarvestRecord r = harvest(root);
        assertThat(r.title()).isEqualTo(title);
        assertThat(r.warnings()).noneMatch(w -> w.contains("cut to"));
    }
}
