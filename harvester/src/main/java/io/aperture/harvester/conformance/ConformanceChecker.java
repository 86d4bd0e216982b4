package io.aperture.harvester.conformance;

import io.aperture.harvester.conformance.nxdl.NxdlDefinition;
import io.aperture.harvester.conformance.nxdl.NxdlLibrary;
import io.aperture.harvester.hdf5.FileSniffer;
import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Source;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.aperture.harvester.hdf5.jhdf.JhdfSource;
import io.aperture.units.UnitConverter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks a NeXus file's metadata: each NXentry and NXsubentry that declares a {@code definition} against that
 * application definition, every group against its base class, and {@code depends_on} chains, NXdata tagging and
 * links everywhere. Reads metadata only (values of datasets of at most 16 elements), keeps at most
 * {@code maxFindings} findings per file and stops a file when its time budget is spent.
 */
public final class ConformanceChecker {
    public static final int DEFAULT_MAX_FINDINGS = 200;
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

    private final H5Source source;
    private final NxdlLibrary library;
    private final UnitCategory units;
    private final int maxFindings;
    private final Duration budget;

    public ConformanceChecker() {
        this(DEFAULT_MAX_FINDINGS, DEFAULT_BUDGET);
    }

    public ConformanceChecker(int maxFindings, Duration budget) {
        this(new JhdfSource(), NxdlLibrary.shared(), new UnitConverter(), maxFindings, budget);
    }

    ConformanceChecker(H5Source source, NxdlLibrary library, UnitConverter converter, int maxFindings, Duration budget) {
        if (maxFindings < 1) {
            throw new IllegalArgumentException("maxFindings must be at least 1, got " + maxFindings);
        }
        this.source = source;
        this.library = library;
        this.units = new UnitCategory(converter);
        this.maxFindings = maxFindings;
        this.budget = budget;
    }

    /** Opens and checks a file; a file that is not usable NeXus comes back refused, with the reason. */
    public ConformanceReport check(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try (H5File h5 = source.open(abs, FileSniffer.sniff(abs))) {
            return check(h5, file.toString());
        } catch (UnusableFileException e) {
            String detail = e.getMessage().startsWith(abs + ": ") ? e.getMessage().substring(abs.toString().length() + 2) : e.getMessage();
            return ConformanceReport.refusal(file.toString(), e.problem() + ": " + detail);
        } catch (RuntimeException | StackOverflowError e) {
            // the reader may throw on structures it does not expect: this file is refused, never the whole run
            return ConformanceReport.refusal(file.toString(), "READ_ERROR: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Checks an open file (the harvester's, so a harvest and its check share one read of the file). */
    public ConformanceReport check(H5File h5) {
        return check(h5, h5.path().toString());
    }

    private ConformanceReport check(H5File h5, String name) {
        List<H5Group> entries = h5.root().groupsOfClass("NXentry");
        if (entries.isEmpty()) {
            return ConformanceReport.refusal(name, "NOT_NEXUS: no NXentry group at the root");
        }
        FindingSink sink = new FindingSink(maxFindings);
        Budget time = new Budget(budget);
        try {
            for (H5Group entry : entries) {
                entry(h5, entry, sink, time);
            }
        } catch (Budget.Spent e) {
            sink.error("/", Rule.LIMIT, e.getMessage());
        }
        for (String w : h5.warnings()) {
            sink.info("/", Rule.READER, w);
        }
        return new ConformanceReport(name, null, sink.findings(), sink.omitted());
    }

    private void entry(H5File h5, H5Group entry, FindingSink sink, Budget time) {
        CheckContext cx = new CheckContext(new FileTree(h5, entry, time), sink, time, units, library);
        definition(cx, entry);
        for (H5Group sub : entry.groupsOfClass("NXsubentry")) {
            definition(cx, sub);
        }
        BaseClassCheck.run(cx);
        GeometryCheck.run(cx);
        PlotCheck.run(cx);
        LinkCheck.run(cx);
    }

    /** Checks against the declared application definition, or says why only base classes are checked. */
    private void definition(CheckContext cx, H5Group entry) {
        Optional<String> declared = entry.dataset("definition").flatMap(FileTree::text).map(String::strip);
        if (declared.isEmpty()) {
            return;
        }
        String name = declared.get();
        Optional<NxdlDefinition> appdef = library.application(name);
        if (appdef.isPresent()) {
            DefinitionCheck.run(cx, appdef.get(), entry);
        } else if (library.baseClass(name).isPresent()) {
            cx.sink.warning(entry.path() + "/definition", Rule.DEFINITION, "definition names the base class " + name
                    + ", not an application definition: checked against base classes only");
        } else {
            cx.sink.info(entry.path() + "/definition", Rule.DEFINITION, "no NXDL for " + name
                    + " is shipped with Aperture: checked against base classes only");
        }
    }
}
