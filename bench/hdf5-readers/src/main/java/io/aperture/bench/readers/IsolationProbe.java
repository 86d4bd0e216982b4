package io.aperture.bench.readers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reader over files in child JVMs. A file whose walk kills the child (signal, hs_err) is a crash;
 * one that gives no END line within the limit is a hang (the child is killed). The next child starts after it.
 */
final class IsolationProbe {
    record Outcome(String status, String detail) {
    }

    private final String classpath;
    private final Path workDir;
    private final long limitSeconds;

    IsolationProbe(String classpath, Path workDir, long limitSeconds) {
        this.classpath = classpath;
        this.workDir = workDir;
        this.limitSeconds = limitSeconds;
    }

    Map<String, Outcome> run(String reader, int maxElements, List<String> files) throws IOException, InterruptedException {
        Map<String, Outcome> out = new LinkedHashMap<>();
        List<String> todo = new ArrayList<>(files);
        int child = 0;
        while (!todo.isEmpty()) {
            Path list = workDir.resolve("probe-" + reader + "-" + child + ".txt");
            Path errLog = workDir.resolve("probe-" + reader + "-" + child + ".err");
            child++;
            Files.write(list, todo);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                    "-XX:ErrorFile=" + workDir.resolve("hs_err_" + reader + "_%p.log"),
                    "-cp", classpath, IsolatedWalk.class.getName(), reader, Integer.toString(maxElements), list.toString())
                    .redirectError(errLog.toFile()).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread pump = Thread.ofVirtual().start(() -> {
                try (BufferedReader br = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = br.readLine()) != null) {
                        lines.add(l);
                    }
                } catch (IOException ignored) {
                    // the child died; handled below
                }
                lines.add("EOF");
            });
            String current = null;
            int done = 0;
            while (true) {
                String l = lines.poll(current == null ? 120 : limitSeconds, TimeUnit.SECONDS);
                if (l == null) {
                    p.destroyForcibly().waitFor();
                    if (current != null) {
                        out.put(current, new Outcome("HANG", "no result after " + limitSeconds + " s; child killed"));
                        done++;
                    }
                    break;
                }
                if (l.equals("EOF")) {
                    int code = p.waitFor();
                    if (current != null) {
                        String why = code > 128 ? "JVM killed by signal " + (code - 128) : "JVM exited with " + code + tail(errLog);
                        out.put(current, new Outcome("CRASH", why + crashFrame(workDir.resolve("hs_err_" + reader + "_" + p.pid() + ".log"))));
                        done++;
                    }
                    break;
                }
                String[] f = l.split("\t", 4);
                if (f[0].equals("BEGIN")) {
                    current = f[1];
                } else if (f[0].equals("END")) {
                    out.put(f[1], new Outcome(f[2], f.length > 3 ? f[3] : ""));
                    current = null;
                    done++;
                }
            }
            pump.join(5000);
            if (done == 0) {
                throw new IllegalStateException("the " + reader + " child JVM did no work; see " + errLog);
            }
            todo = new ArrayList<>(todo.subList(Math.min(done, todo.size()), todo.size()));
        }
        return out;
    }

    /** The signal and the native frame the JVM's crash report names, e.g. "SIGSEGV in libhdf5.so.310+0x76d12 H5A__close+0x12". */
    private static String crashFrame(Path hsErr) {
        if (!Files.exists(hsErr)) {
            return "";
        }
        try {
            List<String> l = Files.readAllLines(hsErr);
            String signal = l.stream().filter(x -> x.startsWith("#  SIG")).map(x -> x.substring(3).split(" ")[0]).findFirst().orElse("?");
            String frame = l.stream().filter(x -> x.startsWith("C  [") || x.startsWith("j  ")).findFirst()
                    .map(x -> x.substring(3).replace("[", "").replace("]", "").strip()).orElse("?");
            return " after " + signal + " in " + frame;
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(Path errLog) {
        try {
            List<String> l = Files.readAllLines(errLog);
            String s = String.join(" ", l.subList(Math.max(0, l.size() - 3), l.size())).strip();
            return s.isEmpty() ? "" : " (" + (s.length() > 160 ? s.substring(0, 160) + "…" : s) + ")";
        } catch (IOException e) {
            return "";
        }
    }
}
