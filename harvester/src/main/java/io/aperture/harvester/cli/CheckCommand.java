package io.aperture.harvester.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.harvester.conformance.ConformanceChecker;
import io.aperture.harvester.conformance.ConformanceReport;
import io.aperture.harvester.conformance.Finding;
import io.aperture.harvester.conformance.Level;
import io.aperture.record.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code harvest check FILE...}: the metadata quality of NeXus files, for people (grouped report and a summary line)
 * or machines ({@code --format json}); the exit code tells a CI job whether every file passed.
 */
@Command(name = "check", description = "Checks NeXus files against their application definitions and the NeXus base classes.",
        footer = {"Exit code: 0 every file passed, 1 a file has findings at the --fail-on level or was refused, 2 usage error."})
public final class CheckCommand implements Callable<Integer> {

    enum Format { text, json }

    enum FailOn { error, warning }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "NeXus/HDF5 files")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text (for people) or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", defaultValue = "error",
            description = "Lowest level that fails a file: error or warning (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--max-findings", defaultValue = "200", description = "Findings kept per file (default: ${DEFAULT-VALUE}).")
    int maxFindings;

    @Option(names = "--file-timeout", defaultValue = "PT60S", description = "Time budget per file (default: ${DEFAULT-VALUE}).")
    Duration fileTimeout;

    @Spec
    CommandSpec spec;

    /** One file's result as the JSON report writes it. */
    record FileResult(String file, String refused, boolean passes, long errors, long warnings, long infos, int omitted,
                      List<Finding> findings) {
    }

    /** The summary line's numbers. */
    record Summary(int files, int passed, int failed, int refused, long errors, long warnings, long infos) {
    }

    record JsonReport(Summary summary, List<FileResult> files) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxFindings < 1 || fileTimeout.isNegative() || fileTimeout.isZero()) {
            err.println("harvest check: --max-findings must be at least 1 and --file-timeout positive");
            err.flush();
            return 2;
        }
        ConformanceChecker checker = new ConformanceChecker(maxFindings, fileTimeout);
        List<FileResult> results = new ArrayList<>();
        for (Path f : files) {
            ConformanceReport r = checker.check(f);
            results.add(new FileResult(r.file(), r.refused(), passes(r), r.count(Level.ERROR), r.count(Level.WARNING),
                    r.count(Level.INFO), r.omitted(), r.findings()));
        }
        Summary summary = summary(results);
        if (format == Format.json) {
            ObjectMapper m = RecordJson.mapper();
            out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(new JsonReport(summary, results)));
        } else {
            for (FileResult r : results) {
                text(out, r);
            }
            out.printf(Locale.ROOT, "checked %d files: %d passed, %d failed, %d refused; %d errors, %d warnings, %d info%n",
                    summary.files(), summary.passed(), summary.failed(), summary.refused(), summary.errors(),
                    summary.warnings(), summary.infos());
        }
        out.flush();
        return summary.passed() == summary.files() ? 0 : 1;
    }

    private boolean passes(ConformanceReport r) {
        return r.passes() && (failOn == FailOn.error || r.count(Level.WARNING) == 0);
    }

    private static Summary summary(List<FileResult> results) {
        int passed = (int) results.stream().filter(FileResult::passes).count();
        int refused = (int) results.stream().filter(r -> r.refused() != null).count();
        return new Summary(results.size(), passed, results.size() - passed - refused, refused,
                results.stream().mapToLong(FileResult::errors).sum(), results.stream().mapToLong(FileResult::warnings).sum(),
                results.stream().mapToLong(FileResult::infos).sum());
    }

    /** One file: a header line, then its findings grouped by level and rule. */
    private static void text(PrintWriter out, FileResult r) {
        if (r.refused() != null) {
            out.println(r.file() + ": REFUSED " + r.refused());
            return;
        }
        out.printf(Locale.ROOT, "%s: %s (%d errors, %d warnings, %d info)%n", r.file(), r.passes() ? "PASS" : "FAIL",
                r.errors(), r.warnings(), r.infos());
        List<Finding> sorted = r.findings().stream()
                .sorted(Comparator.comparing(Finding::level).thenComparing(f -> f.rule().id()).thenComparing(Finding::path))
                .toList();
        Level level = null;
        for (Finding f : sorted) {
            if (f.level() != level) {
                level = f.level();
                out.println("  " + level.name());
            }
            out.println("    " + f.rule().id() + "  " + f.path() + ": " + f.message());
        }
        if (r.omitted() > 0) {
            out.println("  ... " + r.omitted() + " more findings not listed (--max-findings)");
        }
    }
}
