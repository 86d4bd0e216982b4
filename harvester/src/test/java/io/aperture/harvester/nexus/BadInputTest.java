package io.aperture.harvester.nexus;

import io.aperture.testsupport.RepoFiles;
import io.aperture.harvester.hdf5.FileProblem;
import io.aperture.harvester.hdf5.MemTree;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;
import io.aperture.record.RecordSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BadInputTest {

    private final NexusHarvester harvester = new NexusHarvester(HarvestConfig.defaults());

    private UnusableFileException refusal(Path p) {
        UnusableFileException e = catchThrowableOfType(UnusableFileException.class, () -> harvester.harvest(p));
        assertThat(e).as("refused: " + p).isNotNull();
        return e;
    }

    @Test
    void truncatedCopyIsReportedAsCorruptWithSizes() {
        // first third (341855 of 1025567 bytes) of psi_sinq/focus2007n001335.hdf
        UnusableFileException e = refusal(RepoFiles.nexus("bad/focus2007n001335_truncated.hdf"));
        assertThat(e.problem()).isEqualTo(FileProblem.CORRUPT);
        assertThat(e.getMessage()).contains("1025567").contains("341855");
    }

    @Test
    void szipFileIsNotNexusAndNamesTheFilter() {
        UnusableFileException e = refusal(RepoFiles.nexus("plain_hdf5/jhdf_test_missing_filter.hdf5bad"));
        assertThat(e.problem()).isEqualTo(FileProblem.NOT_NEXUS);
        assertThat(e.getMessage()).contains("szip");
    }

    @Test
    void hdf4AndXmlAreNamed() {
        assertThat(refusal(RepoFiles.nexus("bad/napi_nxtest_hdf4.hdf")).problem()).isEqualTo(FileProblem.HDF4);
        assertThat(refusal(RepoFiles.nexus("bad/aps_14bmc_0015.xml")).problem()).isEqualTo(FileProblem.XML);
    }

    @Test
    void emptyMissingAndRandomFiles(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.nxs"));
        assertThat(refusal(empty).problem()).isEqualTo(FileProblem.EMPTY);
        assertThat(refusal(dir.resolve("absent.nxs")).problem()).isEqualTo(FileProblem.NOT_FOUND);
        Path text = Files.writeString(dir.resolve("notes.nxs"), "just some text, not HDF5 at all\n".repeat(100));
        assertThat(refusal(text).problem()).isEqualTo(FileProblem.NOT_HDF5);
    }

    @Test
    void garbageAfterAValidSignatureIsRefusedNotThrown(@TempDir Path dir) throws Exception {
        // keep the first 2 KiB of a real file (superblock and root group header) and pad with zeros
        byte[] head = Files.readAllBytes(RepoFiles.nexus("misc/writer_1_3.h5"));
        byte[] cut = new byte[head.length];
        System.arraycopy(head, 0, cut, 0, 800);
        Path damaged = Files.write(dir.resolve("damaged.h5"), cut);
        UnusableFileException e = refusal(damaged);
        assertThat(e.problem()).isIn(FileProblem.CORRUPT, FileProblem.READ_ERROR, FileProblem.NOT_NEXUS);
        assertThat(e.getMessage()).contains("damaged.h5");
    }

    /** A committed input of the fuzz test (docs/fuzzing.md): its seeds and the inputs that once broke the harvester. */
    private static Path fuzzInput(String name) throws URISyntaxException {
        var url = BadInputTest.class.getResource("/io/aperture/harvester/fuzz/HarvestFuzzTestInputs/harvestedOrRefused/" + name);
        assertThat(url).as(name).isNotNull();
        return Path.of(url.toURI());
    }

    @Test
    void softLinkCycleAndDanglingLinkAreWarningsNotAStackOverflow() throws Exception {
        // written by make_seeds.py: /entry/loop -> /entry/loop, /entry/dangling -> /entry/nowhere (h5ls shows both)
        for (String seed : List.of("synthetic_earliest.nxs", "synthetic_latest.nxs")) {
            List<HarvestRecord> records = harvester.harvest(fuzzInput(seed));
            assertThat(records).hasSize(1);
            assertThat(records.getFirst().title()).isEqualTo("fuzz seed: lysozyme 100 K");
            assertThat(records.getFirst().warnings())
                    .contains("soft link /entry/loop -> /entry/loop is broken: more than 16 soft links in a row (a cycle)")
                    .anyMatch(w -> w.startsWith("soft link /entry/dangling -> /entry/nowhere is broken: no object named 'nowhere'"));
        }
    }

    @Test
    void userBlockWithItsBaseAddressIsReadNotCalledTruncated() throws Exception {
        // h5py userblock_size=512: superblock v2 at 512, base address 512, end-of-file address 30408 = the file size
        Path file = fuzzInput("synthetic_userblock_v2.nxs");
        assertThat(Files.size(file)).isEqualTo(30408);
        List<HarvestRecord> records = harvester.harvest(file);
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().title()).isEqualTo("fuzz seed: lysozyme 100 K");
    }

    @Test
    void absurdObjectHeaderSizeLosesOneGroupWithAWarning() throws Exception {
        // found by the fuzzer: a header size of 805306367 bytes in a 39929-byte file was allocated at once (OOM)
        List<HarvestRecord> records = harvester.harvest(fuzzInput("crash-oom-object-header-size.nxs"));
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().warnings()).anyMatch(w -> w.contains("a read of 805306367 bytes at byte 14816 lies outside the file (39929 bytes)"));
    }

    @Test
    void groupWithoutNxClassInAProcessIsSkipped() throws Exception {
        // found by the fuzzer: an NXprocess child group whose NX_class attribute was damaged gave a NullPointerException
        List<HarvestRecord> records = harvester.harvest(fuzzInput("crash-npe-process-child-without-nx-class.nxs"));
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().processing()).isNotEmpty();
    }

    @Test
    void superblockCutInsideItsFieldsIsCorrupt() throws Exception {
        // found by the fuzzer: 51 bytes, superblock v1 whose end-of-file field would end at byte 52 (an
        // IndexOutOfBoundsException in the sniffer before)
        UnusableFileException e = refusal(fuzzInput("crash-ioobe-superblock-cut-short.h5"));
        assertThat(e.problem()).isEqualTo(FileProblem.CORRUPT);
        assertThat(e.getMessage()).contains("superblock cut short: its fields need 52 bytes, 51 are there");
    }

    @Test
    void compoundMemberLargerThanItsElementLosesOnlyThatAttribute() throws Exception {
        // found by the fuzzer in a mutant of synthetic_earliest.nxs: member 'b' of /entry@compound claims 1986097928 bytes, which
        // jhdf allocated per element (OutOfMemoryError)
        List<HarvestRecord> records = harvester.harvest(fuzzInput("crash-oom-compound-member-size.nxs"));
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().warnings()).contains("attribute /entry@compound could not be read: datatype: "
                + "compound member 'b' (1986097928 bytes at offset 4) does not fit in its 12-byte element");
    }

    @Test
    void nonFiniteTransformationIsAWarningNotANullPointer() throws Exception {
        // found by the fuzzer: 8 bytes changed in synthetic_userblock_v2.nxs make the two_theta axis of the detector's
        // depends_on chain non-finite; the unit conversion had no SI value for it (NullPointerException, file lost)
        List<HarvestRecord> records = harvester.harvest(fuzzInput("crash-npe-transformation-not-finite.nxs"));
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().warnings()).contains("transformation /entry/instrument/detector/transformations/two_theta"
                + " has a value, vector or offset that is not a finite number");
        assertThat(records.getFirst().instrument().detectors()).hasSize(1);
    }

    @Test
    void whatTheCatalogueWouldRefuseIsLeftOutWithAWarningNotSentToFailTheWholeFile() {
        MemTree.Group root = new MemTree.Group("", "/");
        MemTree.Group entry = root.group("entry", "NXentry");
        entry.text("title", "placeholder times and a great many parameters");
        entry.text("start_time", "0000-01-01T00:00:00Z"); // a writer's placeholder: year 0
        entry.text("end_time", "2024-03-01T10:00:00Z");
        MemTree.Group sample = entry.group("sample", "NXsample");
        for (int i = 0; i < 5_003; i++) { // the catalogue takes at most 5000
            sample.number("reading_" + i, i, "K");
        }
        Path file = Path.of("/data/many.nxs");
        HarvestRecord r = new EntryExtractor(HarvestConfig.defaults())
                .extract(MemTree.file(file, root), new FileFacts(file, 1, Instant.parse("2024-03-01T10:00:00Z")), entry);

        assertThat(r.startTime()).isNull();
        assertThat(r.endTime()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(r.warnings()).anyMatch(w -> w.contains("unparseable start_time '0000-01-01T00:00:00Z'"));
        assertThat(r.parameters()).hasSize(5000);
        // the 5003 readings and the entry's text fields
        assertThat(r.warnings()).anyMatch(w -> w.matches("50\\d\\d parameters, only the first 5000 kept \\(the catalogue takes no more\\)"));
        assertThat(RecordSchema.check(RecordJson.mapper().valueToTree(r))).isEmpty();
    }
}
