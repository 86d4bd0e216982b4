package io.aperture.harvester.conformance;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Real HDF5 files written with jhdf: a minimal NXtomo entry that conforms (read from NXtomo.nxdl.xml: definition,
 * instrument/detector data and image_key, sample name and rotation_angle, NXdata), then the same file with one
 * thing broken on purpose. Each broken file must give exactly the finding the breakage calls for.
 */
class AlteredFilesTest {
    private static final int FRAMES = 3;

    @TempDir
    Path dir;

    /** What a test changes in the conforming file before it is written. */
    record Alteration(boolean withSampleName, String dependsOn, String pixelUnits, String signal) {
        static Alteration none() {
            return new Alteration(true, "transformations/z", "um", "data");
        }
    }

    private Path write(String name, Alteration a) {
        Path file = dir.resolve(name);
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            WritableGroup entry = group(h5, "entry", "NXentry");
            entry.putDataset("definition", "NXtomo");
            entry.putDataset("title", "altered on purpose");
            WritableGroup instrument = group(entry, "instrument", "NXinstrument");
            WritableGroup detector = group(instrument, "detector", "NXdetector");
            detector.putDataset("data", new int[FRAMES][4][5]);
            detector.putDataset("image_key", new int[]{2, 1, 0});
            units(detector.putDataset("x_pixel_size", 6.5), a.pixelUnits());
            units(detector.putDataset("y_pixel_size", 6.5), "um");
            detector.putDataset("depends_on", a.dependsOn());
            WritableGroup transformations = group(detector, "transformations", "NXtransformations");
            WritableDataset z = transformations.putDataset("z", 120.0);
            z.putAttribute("units", "mm");
            z.putAttribute("transformation_type", "translation");
            z.putAttribute("vector", new double[]{0, 0, 1});
            z.putAttribute("depends_on", ".");
            WritableGroup sample = group(entry, "sample", "NXsample");
            if (a.withSampleName()) {
                sample.putDataset("name", "lysozyme");
            }
            units(sample.putDataset("rotation_angle", new double[]{0, 0, 90}), "deg");
            WritableGroup data = group(entry, "data", "NXdata");
            data.putAttribute("signal", a.signal());
            data.putAttribute("axes", new String[]{"rotation_angle", ".", "."});
            data.putAttribute("rotation_angle_indices", 0);
            data.putDataset("data", new int[FRAMES][4][5]);
            units(data.putDataset("rotation_angle", new double[]{0, 0, 90}), "deg");
            data.putDataset("image_key", new int[]{2, 1, 0});
        }
        return file;
    }

    private static WritableGroup group(WritableGroup parent, String name, String nxClass) {
        WritableGroup g = parent.putGroup(name);
        g.putAttribute("NX_class", nxClass);
        return g;
    }

    private static void units(WritableDataset d, String units) {
        d.putAttribute("units", units);
    }

    private static ConformanceReport check(Path file) {
        return new ConformanceChecker().check(file);
    }

    private static List<Finding> errors(ConformanceReport r) {
        return r.findings().stream().filter(f -> f.level() == Level.ERROR).toList();
    }

    @Test
    void theConformingFileHasNoErrorAndNoWarning() {
        ConformanceReport r = check(write("conforming.nxs", Alteration.none()));

        assertThat(r.refused()).isNull();
        assertThat(r.findings()).isEmpty();
        assertThat(r.passes()).isTrue();
    }

    @Test
    void aRequiredFieldRemovedIsAnError() {
        Alteration a = Alteration.none();
        ConformanceReport r = check(write("no-sample-name.nxs", new Alteration(false, a.dependsOn(), a.pixelUnits(), a.signal())));

        assertThat(errors(r)).extracting(Finding::path, Finding::rule)
                .containsExactly(tuple("/entry/sample/name", Rule.REQUIRED));
        assertThat(errors(r).getFirst().message()).isEqualTo("NXtomo requires field name");
        assertThat(r.passes()).isFalse();
    }

    @Test
    void aBrokenDependsOnIsAnError() {
        Alteration a = Alteration.none();
        ConformanceReport r = check(write("broken-chain.nxs", new Alteration(true, "transformations/y", a.pixelUnits(), a.signal())));

        assertThat(errors(r)).extracting(Finding::path, Finding::rule, Finding::message)
                .containsExactly(tuple("/entry/instrument/detector/depends_on", Rule.DEPENDS_ON,
                        "depends_on points to transformations/y, which does not exist"));
    }

    @Test
    void anAbsoluteDependsOnResolvesLikeARelativeOne() {
        Alteration a = Alteration.none();
        ConformanceReport r = check(write("absolute-chain.nxs",
                new Alteration(true, "/entry/instrument/detector/transformations/z", a.pixelUnits(), a.signal())));

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aLengthInAnEnergyUnitIsAnError() {
        Alteration a = Alteration.none();
        ConformanceReport r = check(write("wrong-unit.nxs", new Alteration(true, a.dependsOn(), "keV", a.signal())));

        assertThat(errors(r)).extracting(Finding::path, Finding::rule, Finding::message)
                .containsExactly(tuple("/entry/instrument/detector/x_pixel_size", Rule.UNITS_CATEGORY,
                        "x_pixel_size is in keV, which is not a unit of NX_LENGTH"));
    }

    @Test
    void aSignalNamingNothingIsAnError() {
        Alteration a = Alteration.none();
        ConformanceReport r = check(write("bad-signal.nxs", new Alteration(true, a.dependsOn(), a.pixelUnits(), "counts")));

        assertThat(errors(r)).extracting(Finding::path, Finding::rule)
                .containsExactly(tuple("/entry/data@signal", Rule.NXDATA));
    }
}
