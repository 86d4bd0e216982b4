package io.aperture.harvester.nexus;

import io.aperture.harvester.TestFiles;
import io.aperture.harvester.hdf5.UnusableFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded random damage to the metadata region of real files: every damaged file must give records or a refusal,
 * never another exception and never a hang. (A longer run of the same kind found an OutOfMemoryError from a corrupt string size, now a warning.)
 */
class DamagedFilesTest {

    @Test
    void damagedHeadersAreRefusedOrReadNeverThrown(@TempDir Path dir) throws Exception {
        NexusHarvester harvester = new NexusHarvester(HarvestConfig.defaults());
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        Random rnd = new Random(42);
        int refused = 0;
        try {
            for (String rel : List.of("tomo/dls_i13_24888.nxs", "nxmx/dls_i03_therm_6_2.nxs", "misc/writer_1_3.h5")) {
                byte[] original = Files.readAllBytes(TestFiles.file(rel));
                for (int i = 0; i < 120; i++) {
                    byte[] damaged = original.clone();
                    int flips = 1 + rnd.nextInt(8);
                    for (int k = 0; k < flips; k++) {
                        damaged[rnd.nextInt(Math.min(damaged.length, 8192))] = (byte) rnd.nextInt(256);
                    }
                    Path p = Files.write(dir.resolve("damaged-" + i + ".nxs"), damaged);
                    Future<Boolean> f = pool.submit(() -> {
                        try {
                            harvester.harvest(p);
                            return true;
                        } catch (UnusableFileException e) {
                            return false;
                        }
                    });
                    try {
                        if (!f.get(20, TimeUnit.SECONDS)) {
                            refused++;
                        }
                    } catch (ExecutionException e) {
                        fail(rel + " mutation " + i + " threw " + e.getCause(), e.getCause());
                    }
                    Files.delete(p);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refused).as("some damage must be detected").isPositive();
    }
}
