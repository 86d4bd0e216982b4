package io.aperture.bench.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Corrupt copies of valid files, from a fixed seed: truncated at a random point, random bytes overwritten in the
 * first 16 KiB (where superblock, root header and most small-file metadata live), random bytes anywhere, or a
 * zeroed 512-byte block. Written under target/, never committed.
 */
final class Mutants {
    private Mutants() {
    }

    static List<String> make(Path dataDir, List<String> bases, int perBase, Path outDir, long seed) throws IOException {
        Files.createDirectories(outDir);
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        for (String base : bases) {
            byte[] orig = Files.readAllBytes(dataDir.resolve(base));
            String stem = base.replace('/', '_');
            for (int i = 0; i < perBase; i++) {
                byte[] b;
                String kind;
                switch (i % 4) {
                    case 0 -> {
                        kind = "trunc";
                        int cut = 64 + rnd.nextInt(Math.max(1, orig.length - 64));
                        b = java.util.Arrays.copyOf(orig, cut);
                    }
                    case 1 -> {
                        kind = "head";
                        b = orig.clone();
                        int span = Math.min(b.length, 16384);
                        for (int k = 0; k < 8; k++) {
                            b[rnd.nextInt(span - 100) + 100] = (byte) rnd.nextInt(256); // keep the signature
                        }
                    }
                    case 2 -> {
                        kind = "any";
                        b = orig.clone();
                        for (int k = 0; k < 32; k++) {
                            b[100 + rnd.nextInt(b.length - 100)] = (byte) rnd.nextInt(256);
                        }
                    }
                    default -> {
                        kind = "zero";
                        b = orig.clone();
                        int at = 512 * rnd.nextInt(Math.max(1, Math.min(b.length, 65536) / 512));
                        java.util.Arrays.fill(b, at, Math.min(b.length, at + 512), (byte) 0);
                    }
                }
                Path f = outDir.resolve(stem + "." + i + "-" + kind + ".h5");
                Files.write(f, b);
                out.add(f.toString());
            }
        }
        return out;
    }
}
