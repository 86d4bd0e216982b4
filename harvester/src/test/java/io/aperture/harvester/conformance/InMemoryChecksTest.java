package io.aperture.harvester.conformance;

import io.aperture.harvester.hdf5.MemTree;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The geometry, plot, link and base-class rules on small in-memory trees, one broken thing at a time. */
class InMemoryChecksTest {

    private static ConformanceReport check(MemTree.Group root) {
        return new ConformanceChecker().check(MemTree.file(Path.of("mem.nxs"), root));
    }

    private static MemTree.Group entry(MemTree.Group root) {
        return root.group("entry", "NXentry");
    }

    @Test
    void aDependsOnLoopIsAnError() {
        MemTree.Group root = new MemTree.Group("", "/");
        MemTree.Group sample = entry(root).group("sample", "NXsample");
        sample.text("depends_on", "transformations/phi");
        MemTree.Group t = sample.group("transformations", "NXtransformations");
        t.number("phi", 10, "deg").attr("transformation_type", "rotation").attr("vector", 0, 1, 0).attr("depends_on", "omega");
        t.number("omega", 20, "deg").attr("transformation_type", "rotation").attr("vector", 1, 0, 0).attr("depends_on", "phi");

        assertThat(check(root).findings()).extracting(Finding::level, Finding::path, Finding::rule, Finding::message)
                .containsExactly(tuple(Level.ERROR, "/entry/sample/transformations/omega@depends_on", Rule.DEPENDS_ON,
                        "depends_on chain loops back to /entry/sample/transformations/phi"));
    }

    @Test
    void aChainWithoutTheFinalDotAndARotationInMillimetresAreErrors() {
        MemTree.Group root = new MemTree.Group("", "/");
        MemTree.Group sample = entry(root).group("sample", "NXsample");
        sample.text("depends_on", "/entry/sample/transformations/phi");
        MemTree.Group t = sample.group("transformations", "NXtransformations");
        t.number("phi", 10, "mm").attr("transformation_type", "rotation").attr("vector", 0, 1, 0);

        assertThat(check(root).findings()).extracting(Finding::level, Finding::path, Finding::rule)
                .containsExactlyInAnyOrder(
                        tuple(Level.ERROR, "/entry/sample/transformations/phi", Rule.DEPENDS_ON),
                        tuple(Level.ERROR, "/entry/sample/transformations/phi", Rule.UNITS_CATEGORY));
    }

    @Test
    void nxdataAxesAndIndicesMustNameWhatIsThere() {
        MemTree.Group root = new MemTree.Group("", "/");
        MemTree.Group data = entry(root).group("data", "NXdata");
        data.attr("signal", "counts").attr("axes", "two_theta").attr("energy_indices", "0");
        data.number("counts", 5, "counts");

        assertThat(check(root).findings()).extracting(Finding::level, Finding::path, Finding::rule)
                .containsExactlyInAnyOrder(
                        tuple(Level.ERROR, "/entry/data@axes", Rule.NXDATA),
                        tuple(Level.WARNING, "/entry/data@energy_indices", Rule.NXDATA));
    }

    @Test
    void legacyAxisTaggingIsFlagged() {
        MemTree.Group root = new MemTree.Group("", "/");
        MemTree.Group data = entry(root).group("data", "NXdata");
        data.number("counts", 5, "counts").attr("signal", 1);
        data.number("two_theta", 5, "deg").attr("axis", 1);

        assertThat(check(root).findings()).extracting(Finding::level, Finding::path, Finding::rule)
                .containsExactly(tuple(Level.WARNING, "/entry/data", Rule.LEGACY_PLOT));
    }

    @Test
    void aDanglingTargetAnUnknownClassAndAMisplacedFieldAreReported() {
        MemTree.Group root = new MemTree.Group("", "/");
        MemTree.Group entry = entry(root);
        entry.group("sample", "NXsample").number("temperature", 300, "K").attr("target", "/entry/instrument/missing");
        entry.group("chopper", "NXchopper");
        entry.group("instrument", "NXinstrument").number("temperature", 290, "K");

        assertThat(check(root).findings()).extracting(Finding::level, Finding::path, Finding::rule)
                .containsExactlyInAnyOrder(
                        tuple(Level.ERROR, "/entry/sample/temperature@target", Rule.LINK_TARGET),
                        tuple(Level.WARNING, "/entry/chopper", Rule.UNKNOWN_CLASS),
                        tuple(Level.INFO, "/entry/instrument/temperature", Rule.MISPLACED));
    }

    @Test
    void aDefinitionNotShippedIsSaidAndTheEntryStillCheckedAgainstBaseClasses() {
        MemTree.Group root = new MemTree.Group("", "/");
        MemTree.Group entry = entry(root);
        entry.text("definition", "NXtas");
        entry.group("sample", "NXsample").number("temperature", 300, "mm");

        assertThat(check(root).findings()).extracting(Finding::level, Finding::path, Finding::rule)
                .containsExactlyInAnyOrder(
                        tuple(Level.INFO, "/entry/definition", Rule.DEFINITION),
                        tuple(Level.WARNING, "/entry/sample/temperature", Rule.UNITS_CATEGORY));
    }
}
