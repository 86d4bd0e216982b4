package io.aperture.bench.harvester;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.harvester.conformance.ConformanceChecker;
import io.aperture.harvester.conformance.ConformanceReport;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.aperture.harvester.hdf5.jhdf.JhdfSource;
import io.aperture.harvester.nexus.HarvestConfig;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.record.RecordJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The harvester's own classes (NexusHarvester: sniff, open with jhdf, extract every NXentry into a record),
 * timed in a warm JVM. Modes, all printing tab-separated lines:
 * <pre>
 *   corpus LIST REPEATS WARMUP      file, median ms, records (or the refusal)
 *   throughput LIST THREADS SECONDS files/s harvesting the list round-robin on THREADS threads
 *   size FILE... REPEATS            file, median ms, bytes asked for, rchar, read_bytes from a cold page cache
 *   cachecompare LIST REPEATS WARMUP file, median ms as is, median ms through a block cache, same records
 *   conformance LIST REPEATS WARMUP  file, median ms harvest, check on the harvest's open file, check alone; findings
 * </pre>
 */
public final class HarvestBench {
    private static final NexusHarvester HARVESTER = new NexusHarvester(HarvestConfig.defaults());
    private static final ObjectMapper JSON = RecordJson.mapper();

    private HarvestBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "corpus" -> corpus(Files.readAllLines(Path.of(args[1])), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "throughput" -> throughput(Files.readAllLines(Path.of(args[1])), Integer.parseInt(args[2]), Double.parseDouble(args[3]));
            case "cachecompare" -> cacheCompare(Files.readAllLines(Path.of(args[1])), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "conformance" -> conformance(Files.readAllLines(Path.of(args[1])), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "size" -> size(Arrays.asList(args).subList(1, args.length - 1), Integer.parseInt(args[args.length - 1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void corpus(List<String> files, int repeats, int warmup) {
        for (String f : files) {
            Path p = Path.of(f);
            String outcome;
            try {
                outcome = HARVESTER.harvest(p).size() + " records";
            } catch (UnusableFileException e) {
                outcome = "refused: " + e.problem();
            }
            for (int i = 0; i < warmup; i++) {
                harvestQuietly(p);
            }
            double[] t = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                harvestQuietly(p);
                t[i] = (System.nanoTime() - t0) / 1e6;
            }
            System.out.println(f + "\t" + median(t) + "\t" + outcome);
        }
    }

    /**
     * The production harvester against the same harvester reading through {@link BlockCacheChannel} (a candidate
     * change to JhdfSource), alternately: file, median ms plain, median ms cached, same records (true/false).
     */
    private static void cacheCompare(List<String> files, int repeats, int warmup) throws Exception {
        NexusHarvester cached = new NexusHarvester(HarvestConfig.defaults(),
                new JhdfSource(file -> new BlockCacheChannel(FileChannel.open(file, StandardOpenOption.READ), Integer.getInteger("bench.block", 64 * 1024))));
        for (String f : files) {
            Path p = Path.of(f);
            boolean same;
            try {
                same = JSON.writeValueAsString(HARVESTER.harvest(p)).equals(JSON.writeValueAsString(cached.harvest(p)));
            } catch (UnusableFileException e) {
                same = true;
            }
            for (int i = 0; i < warmup; i++) {
                harvestQuietly(HARVESTER, p);
                harvestQuietly(cached, p);
            }
            double[] a = new double[repeats];
            double[] b = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                harvestQuietly(HARVESTER, p);
                long t1 = System.nanoTime();
                harvestQuietly(cached, p);
                long t2 = System.nanoTime();
                a[i] = (t1 - t0) / 1e6;
                b[i] = (t2 - t1) / 1e6;
            }
            System.out.println(f + "\t" + median(a) + "\t" + median(b) + "\t" + same);
        }
    }

    /**
     * Per file and per repeat, in one sequence: (a) the harvest without its check (sniff, open, extract), (b) the check on
     * the file the harvest just read, still open, as a check inside the harvest runs; then (c) the check on its own,
     * opening the file itself (what {@code harvest check} does). Prints file, median ms of a, b, c, and the findings
     * (or the refusal).
     */
    private static void conformance(List<String> files, int repeats, int warmup) {
        ConformanceChecker checker = new ConformanceChecker();
        KeptOpenSource source = new KeptOpenSource();
        NexusHarvester harvester = new NexusHarvester(HarvestConfig.defaults(), source, null);
        for (String f : files) {
            Path p = Path.of(f);
            ConformanceReport r = checker.check(p);
            String outcome = r.refused() != null ? "refused" : r.findings().size() + " findings";
            double[] a = new double[repeats];
            double[] b = new double[repeats];
            double[] c = new double[repeats];
            for (int i = -warmup; i < repeats; i++) {
                long t0 = System.nanoTime();
                harvestQuietly(harvester, p);
                long t1 = System.nanoTime();
                try (H5File open = source.takeLast()) {
                    if (open != null && !open.root().groupsOfClass("NXentry").isEmpty()) {
                        checker.check(open);
                    }
                }
                long t2 = System.nanoTime();
                checker.check(p);
                long t3 = System.nanoTime();
                if (i >= 0) {
                    a[i] = (t1 - t0) / 1e6;
                    b[i] = (t2 - t1) / 1e6;
                    c[i] = (t3 - t2) / 1e6;
                }
            }
            System.out.println(f + "\t" + median(a) + "\t" + median(b) + "\t" + median(c) + "\t" + outcome);
        }
    }

    private static void harvestQuietly(NexusHarvester h, Path p) {
        try {
            h.harvest(p);
        } catch (UnusableFileException e) {
            // timed like a success
        }
    }

    private static void throughput(List<String> files, int threads, double seconds) throws Exception {
        // warm the JIT on every file first
        for (int i = 0; i < 20; i++) {
            files.forEach(f -> harvestQuietly(Path.of(f)));
        }
        AtomicLong done = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            jobs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    harvestQuietly(Path.of(files.get((int) (next.getAndIncrement() % files.size()))));
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> j : jobs) {
            j.get();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9; // all threads of the JVM, JIT and GC included
        pool.shutdown();
        System.out.println(threads + "\t" + done.get() + "\t" + wall + "\t" + done.get() / wall + "\t" + cpu + "\t" + done.get() / cpu);
    }

    private static void size(List<String> files, int repeats) throws Exception {
        // one harvest of each first, so class loading and JIT do not count against the cold reads below
        for (int i = 0; i < 10; i++) {
            files.forEach(f -> harvestQuietly(Path.of(f)));
        }
        // the files take turns within each repeat, so load changes on the shared machine hit all of them alike
        double[][] times = new double[files.size()][repeats];
        for (int i = 0; i < repeats; i++) {
            for (int k = 0; k < files.size(); k++) {
                long t0 = System.nanoTime();
                harvestQuietly(Path.of(files.get(k)));
                times[k][i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        for (int k = 0; k < files.size(); k++) {
            String f = files.get(k);
            Path p = Path.of(f);
            double[] t = times[k];
            // bytes the reader asks for: the same extraction through a channel that counts what is read
            AtomicLong asked = new AtomicLong();
            new NexusHarvester(HarvestConfig.defaults(), new JhdfSource(file -> new CountingChannel(FileChannel.open(file, StandardOpenOption.READ), asked)))
                    .harvest(p);
            // the production path (memory-mapped): syscall bytes and storage bytes with the file evicted first
            evict(p);
            long[] before = procIo();
            int records = HARVESTER.harvest(p).size();
            long[] after = procIo();
            System.out.println(f + "\t" + median(t) + "\t" + asked.get() + "\t" + (after[0] - before[0]) + "\t" + (after[1] - before[1])
                    + "\t" + Files.size(p) + "\t" + records);
        }
    }

    /** Drops the file's pages from the page cache (GNU dd: iflag=nocache with count=0 is posix_fadvise DONTNEED). */
    private static void evict(Path p) throws IOException, InterruptedException {
        // pages still mapped by an earlier harvest's buffers cannot be dropped: let the GC unmap them first
        System.gc();
        Thread.sleep(200);
        new ProcessBuilder("sync", p.toString()).inheritIO().start().waitFor();
        new ProcessBuilder("dd", "if=" + p, "iflag=nocache", "count=0", "status=none").inheritIO().start().waitFor();
    }

    /** rchar and read_bytes of this process. */
    private static long[] procIo() throws IOException {
        long rchar = 0;
        long readBytes = 0;
        for (String l : Files.readAllLines(Path.of("/proc/self/io"))) {
            if (l.startsWith("rchar:")) {
                rchar = Long.parseLong(l.substring(6).strip());
            } else if (l.startsWith("read_bytes:")) {
                readBytes = Long.parseLong(l.substring(11).strip());
            }
        }
        return new long[]{rchar, readBytes};
    }

    private static void harvestQuietly(Path p) {
        try {
            HARVESTER.harvest(p);
        } catch (UnusableFileException e) {
            // refusals are timed too: a refused file costs the same scan time
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Counts every byte read through it. */
    private record CountingChannel(SeekableByteChannel in, AtomicLong count) implements SeekableByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = in.read(dst);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public long position() throws IOException {
            return in.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            in.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return in.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public boolean isOpen() {
            return in.isOpen();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
