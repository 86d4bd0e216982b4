package io.aperture.bench.readers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Native HDF5 versus the harvester's jhdf reader over every shared file: what each sees, what each loses,
 * how long each takes (median of N after warm-up, alternating order), and what corrupt files do to each
 * (in child JVMs). Prints Markdown.
 *
 * Usage: ReadersBench DATA_DIR WORK_DIR [repeats=15] [warmup=5] [maxElements=16] [mutantsPerFile=8]
 */
public final class ReadersBench {
    private ReadersBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath().normalize();
        Path work = Path.of(args[1]).toAbsolutePath();
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int maxElements = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        int perBase = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        Files.createDirectories(work);
        PrintStream out = System.out;

        List<String> listed = Corpus.manifest(data);
        List<String> files = new ArrayList<>(listed);
        List<String> extra = Corpus.unlisted(data, listed);
        files.addAll(extra);
        List<String> abs = files.stream().map(f -> data.resolve(f).toString()).toList();

        out.println("# HDF5 readers: native HDF5 " + nativeVersion() + " (org.bytedeco:hdf5) vs jhdf 0.11.0 (harvester H5Source)");
        out.println();
        out.println("Files: " + files.size() + " (" + listed.size() + " in MANIFEST.md" + (extra.isEmpty() ? "" : ", not listed: " + extra) + ")."
                + " Values read for datasets of at most " + maxElements + " elements; every attribute read."
                + " Times: median of " + repeats + " walks after " + warmup + " warm-up walks per reader, readers alternating, same JVM ("
                + Runtime.version() + "). Load average at start: " + loadAverage() + ".");
        out.println();

        out.println("Filters the native build can decode (H5Zfilter_avail): " + NativeHdf5.filters()
                + "; jhdf 0.11 decodes deflate, shuffle, fletcher32, lzf, lz4, bitshuffle (no szip).");
        out.println();

        // 1. Every file, each reader in child JVMs first: a native crash must not end the benchmark.
        String cp = System.getProperty("java.class.path");
        IsolationProbe probe = new IsolationProbe(cp, work, 60);
        Map<String, IsolationProbe.Outcome> nativeProbe = probe.run("native", maxElements, abs);
        Map<String, IsolationProbe.Outcome> jhdfProbe = probe.run("jhdf", maxElements, abs);

        // 2. In-process comparison and timing, for files that did not crash or hang a child.
        NativeWalker nat = new NativeWalker();
        JhdfWalker jh = new JhdfWalker();
        out.println("## Completeness and speed per file");
        out.println();
        out.println("objects = paths recorded (groups, datasets, virtual datasets, external links, further hard links);"
                + " lost = paths the other reader recorded and this one did not (g groups, d datasets, v virtual, x external)."
                + " attrs = attributes read; small = small datasets read (failed).");
        out.println();
        out.println("| file | native objects | jhdf objects | lost by native | lost by jhdf | attrs native / jhdf | small native / jhdf | native ms | jhdf ms | jhdf/native |");
        out.println("|---|---:|---:|---|---|---:|---:|---:|---:|---:|");
        Map<String, String> details = new LinkedHashMap<>();
        List<Double> nativeMs = new ArrayList<>();
        List<Double> jhdfMs = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String rel = files.get(i);
            Path f = Path.of(abs.get(i));
            boolean nativeSafe = isSafe(nativeProbe.get(abs.get(i)));
            boolean jhdfSafe = isSafe(jhdfProbe.get(abs.get(i)));
            WalkResult n = nativeSafe ? nat.walk(f, maxElements) : null;
            WalkResult j = jhdfSafe ? jh.walk(f, maxElements) : null;
            String nCell = n == null ? nativeProbe.get(abs.get(i)).status() : n.fatal != null ? "refused" : Long.toString(n.objects.size());
            String jCell = j == null ? jhdfProbe.get(abs.get(i)).status() : j.fatal != null ? "refused" : Long.toString(j.objects.size());
            String lostN = "";
            String lostJ = "";
            if (n != null && j != null && n.fatal == null && j.fatal == null) {
                lostN = lost(j, n);
                lostJ = lost(n, j);
                String d = lostDetail(n, j, "native") + lostDetail(j, n, "jhdf") + attrDetail(n, j, "native") + attrDetail(j, n, "jhdf");
                if (!d.isEmpty()) {
                    details.put(rel, d);
                }
            }
            if (n != null && n.fatal != null) {
                details.merge(rel, "- native refuses: " + n.fatal + "\n", String::concat);
            }
            if (j != null && j.fatal != null) {
                details.merge(rel, "- jhdf refuses: " + j.fatal + "\n", String::concat);
            }
            if (j != null && j.fatal == null && !j.warnings.isEmpty()) {
                details.merge(rel, "- jhdf warnings: " + j.warnings.size() + ", e.g. " + clip(j.warnings.getFirst()) + "\n", String::concat);
            }
            if (n != null && n.fatal == null && !n.warnings.isEmpty()) {
                details.merge(rel, "- native warnings: " + n.warnings.size() + ", e.g. " + clip(n.warnings.getFirst()) + "\n", String::concat);
            }
            double[] times = (n != null && j != null) ? time(nat, jh, f, maxElements, repeats, warmup) : new double[]{Double.NaN, Double.NaN};
            boolean bothOk = n != null && j != null && n.fatal == null && j.fatal == null;
            if (bothOk) {
                nativeMs.add(times[0]);
                jhdfMs.add(times[1]);
                ratios.add(times[1] / times[0]);
            }
            out.printf("| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", rel, nCell, jCell, lostN, lostJ,
                    n == null || j == null ? "" : n.attributesRead + " / " + j.attributesRead,
                    n == null || j == null ? "" : small(n) + " / " + small(j),
                    ms(times[0]), ms(times[1]), bothOk ? String.format("%.2f", times[1] / times[0]) : "");
        }
        out.println();
        out.printf("Over the %d files both readers walk: median native %s ms, median jhdf %s ms, median per-file ratio jhdf/native %.2f"
                        + " (min %.2f, max %.2f); sum native %s ms, sum jhdf %s ms.%n",
                ratios.size(), ms(median(nativeMs)), ms(median(jhdfMs)), median(ratios),
                ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                ms(nativeMs.stream().mapToDouble(Double::doubleValue).sum()), ms(jhdfMs.stream().mapToDouble(Double::doubleValue).sum()));
        out.println();
        out.println("### Differences and refusals");
        out.println();
        details.forEach((k, v) -> out.println("`" + k + "`\n" + v));

        // 3. Bad files of the corpus and corrupt copies, each reader in child JVMs.
        out.println("## Bad and corrupt files (child JVMs, 60 s limit per file)");
        out.println();
        out.println("| file | native | jhdf (harvester H5Source) |");
        out.println("|---|---|---|");
        for (int i = 0; i < files.size(); i++) {
            IsolationProbe.Outcome a = nativeProbe.get(abs.get(i));
            IsolationProbe.Outcome b = jhdfProbe.get(abs.get(i));
            if (files.get(i).startsWith("bad/") || !a.status().equals("ok") || !b.status().equals("ok")) {
                out.printf("| `%s` | %s | %s |%n", files.get(i), cell(a), cell(b));
            }
        }
        out.println();
        List<String> bases = files.stream().filter(f -> !f.startsWith("bad/") && nativeProbe.get(data.resolve(f).toString()).status().equals("ok"))
                .toList();
        List<String> mutants = Mutants.make(data, bases, perBase, work.resolve("mutants"), 20261124L);
        Map<String, IsolationProbe.Outcome> nm = probe.run("native", maxElements, mutants);
        Map<String, IsolationProbe.Outcome> jm = probe.run("jhdf", maxElements, mutants);
        out.println("Corrupt copies: " + mutants.size() + " (" + perBase + " per valid file of the corpus: truncated, 8 random bytes in the first 16 KiB,"
                + " 32 random bytes anywhere, a zeroed 512-byte block; seed 20261124).");
        out.println();
        out.println("| outcome | native | jhdf |");
        out.println("|---|---:|---:|");
        for (String s : List.of("ok", "refused", "threw", "CRASH", "HANG")) {
            out.printf("| %s | %d | %d |%n", s, count(nm, s), count(jm, s));
        }
        out.println();
        for (String m : mutants) {
            IsolationProbe.Outcome a = nm.get(m);
            IsolationProbe.Outcome b = jm.get(m);
            if (unusual(a) || unusual(b)) {
                out.printf("- `%s`: native %s; jhdf %s%n", Path.of(m).getFileName(), cell(a), cell(b));
            }
        }
        out.println();
        out.println("Load average at end: " + loadAverage() + ".");
    }

    /** ok/refused/threw are handled outcomes; CRASH and HANG are not. */
    private static final class Set2 {
        static boolean safe(IsolationProbe.Outcome o) {
            return o != null && !o.status().equals("CRASH") && !o.status().equals("HANG");
        }
    }

    private static boolean unusual(IsolationProbe.Outcome o) {
        return o == null || !(o.status().equals("ok") || o.status().equals("refused"));
    }

    private static boolean isSafe(IsolationProbe.Outcome o) {
        return Set2.safe(o);
    }

    private static long count(Map<String, IsolationProbe.Outcome> m, String s) {
        return m.values().stream().filter(o -> o.status().equals(s)).count();
    }

    private static String cell(IsolationProbe.Outcome o) {
        return o == null ? "?" : o.status() + (o.detail().isBlank() ? "" : ": " + clip(o.detail()));
    }

    private static String clip(String s) {
        s = s.replace('|', '/').replace('\n', ' ');
        return s.length() > 150 ? s.substring(0, 150) + "…" : s;
    }

    private static String small(WalkResult r) {
        return r.smallRead + (r.smallFailed > 0 ? " (" + r.smallFailed + ")" : "");
    }

    private static String lost(WalkResult other, WalkResult self) {
        Map<String, Long> byKind = other.objects.entrySet().stream().filter(e -> !self.objects.containsKey(e.getKey()))
                .collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.counting()));
        if (byKind.isEmpty()) {
            return "0";
        }
        return byKind.entrySet().stream().map(e -> e.getValue() + abbrev(e.getKey())).sorted().collect(Collectors.joining(" "));
    }

    private static String abbrev(String kind) {
        return switch (kind) {
            case "group" -> "g";
            case "dataset" -> "d";
            case "vds" -> "v";
            case "external" -> "x";
            case "hardlink" -> "h";
            default -> " " + kind;
        };
    }

    private static String lostDetail(WalkResult has, WalkResult lacks, String who) {
        List<String> missing = has.objects.entrySet().stream().filter(e -> !lacks.objects.containsKey(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        if (missing.isEmpty()) {
            return "";
        }
        return "- seen by " + who + " only (" + missing.size() + "): " + clip(String.join(", ", missing.subList(0, Math.min(6, missing.size()))))
                + (missing.size() > 6 ? ", …" : "") + "\n";
    }

    private static String attrDetail(WalkResult a, WalkResult b, String who) {
        int missing = 0;
        String example = null;
        for (var e : a.attributes.entrySet()) {
            if (!b.objects.containsKey(e.getKey())) {
                continue; // counted as a lost object already
            }
            TreeSet<String> other = b.attributes.getOrDefault(e.getKey(), new TreeSet<>());
            for (String n : e.getValue()) {
                if (!other.contains(n)) {
                    missing++;
                    example = example == null ? e.getKey() + "@" + n : example;
                }
            }
        }
        return missing == 0 ? "" : "- attributes read by " + who + " only: " + missing + ", e.g. " + example + "\n";
    }

    private static double[] time(Walker a, Walker b, Path f, int max, int repeats, int warmup) {
        for (int i = 0; i < warmup; i++) {
            a.walk(f, max);
            b.walk(f, max);
        }
        double[] ta = new double[repeats];
        double[] tb = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            if (i % 2 == 0) {
                ta[i] = once(a, f, max);
                tb[i] = once(b, f, max);
            } else {
                tb[i] = once(b, f, max);
                ta[i] = once(a, f, max);
            }
        }
        return new double[]{median(ta), median(tb)};
    }

    private static double once(Walker w, Path f, int max) {
        long t0 = System.nanoTime();
        w.walk(f, max);
        return (System.nanoTime() - t0) / 1e6;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double median(List<Double> v) {
        return v.isEmpty() ? Double.NaN : median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "" : v < 10 ? String.format("%.2f", v) : String.format("%.1f", v);
    }

    private static String nativeVersion() {
        NativeHdf5.load();
        return NativeHdf5.version();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" 1?[0-9]+/")[0].strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
