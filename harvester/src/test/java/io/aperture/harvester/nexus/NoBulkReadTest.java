package io.aperture.harvester.nexus;

import io.aperture.testsupport.RepoFiles;
import io.aperture.harvester.hdf5.jhdf.JhdfSource;
import io.aperture.record.HarvestRecord;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves bulk data is never read: the harvester reads through a channel that records every byte range, and no
 * range may touch the stored data of a large dataset.
 */
class NoBulkReadTest {

    record Range(long start, long end) {
        long overlap(Range o) {
            return Math.max(0, Math.min(end, o.end) - Math.max(start, o.start));
        }
    }

    /** A read-only channel that remembers what was read. */
    static final class RecordingChannel implements SeekableByteChannel {
        final FileChannel file;
        final List<Range> reads = new ArrayList<>();
        long position;

        RecordingChannel(Path p) throws IOException {
            file = FileChannel.open(p, StandardOpenOption.READ);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = file.read(dst, position);
            if (n > 0) {
                reads.add(new Range(position, position + n));
                position += n;
            }
            return n;
        }

        long bytesRead() {
            return reads.stream().mapToLong(r -> r.end - r.start).sum();
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long p) {
            position = p;
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    private static void contiguousDataRanges(Group g, List<Range> out) {
        for (Node n : g.getChildren().values()) {
            if (n.isLink()) {
                continue;
            }
            if (n instanceof Group sub) {
                contiguousDataRanges(sub, out);
            } else if (n instanceof ContiguousDataset d && d.getSize() > 16 && d.getDataAddress() > 0) {
                out.add(new Range(d.getDataAddress(), d.getDataAddress() + d.getSizeInBytes()));
            }
        }
    }

    private RecordingChannel harvestRecording(Path file) throws Exception {
        List<RecordingChannel> opened = new ArrayList<>();
        NexusHarvester h = new NexusHarvester(HarvestConfig.defaults(), new JhdfSource(p -> {
            RecordingChannel c = new RecordingChannel(p);
            opened.add(c);
            return c;
        }));
        List<HarvestRecord> records = h.harvest(file);
        assertThat(records).isNotEmpty();
        assertThat(opened).hasSize(1);
        return opened.getFirst();
    }

    @Test
    void contiguousBulkDataIsNeverTouched() throws Exception {
        for (String rel : List.of("neutron/ipns_lrmecs_lrcs3701.nx5", "neutron/isis_sans2d_minimal_events.nxs",
                "neutron/isis_loq_minimal_histogram.nxs", "misc/savu_fluo.nxs")) {
            Path file = RepoFiles.nexus(rel);
            List<Range> bulk = new ArrayList<>();
            try (HdfFile hdf = new HdfFile(file)) {
                contiguousDataRanges(hdf, bulk);
            }
            assertThat(bulk).as("large contiguous datasets in " + rel).isNotEmpty();
            RecordingChannel ch = harvestRecording(file);
            // metadata is read in whole 4 KiB pages, so the partial pages at a dataset's two edges may be read; the
            // data between them never is
            for (Range data : bulk) {
                long inside = ch.reads.stream().mapToLong(read -> read.overlap(data)).sum();
                assertThat(inside).as(rel + ": bytes read inside bulk data " + data).isLessThanOrEqualTo(2L * 4096);
            }
        }
    }

    @Test
    void compressedDetectorFramesAreNotDecompressed() throws Exception {
        // 1.9 MB file, almost all of it the deflated 10x195x487 frame stack at /entry/data/frames
        Path file = RepoFiles.nexus("sas/aps_9idc_nxsas_areadetector.hdf5");
        long framesStorage;
        try (HdfFile hdf = new HdfFile(file)) {
            framesStorage = hdf.getDatasetByPath("/entry/data/frames").getStorageInBytes();
        }
        assertThat(framesStorage).isGreaterThan(1_000_000L);
        RecordingChannel ch = harvestRecording(file);
        // only object headers, heaps and B-tree nodes are read: many small reads, never a chunk's worth
        assertThat(ch.reads).allMatch(r -> r.end - r.start <= 64 * 1024);
        assertThat(ch.bytesRead()).isLessThan(framesStorage / 4);
    }
}
