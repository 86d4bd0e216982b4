package io.aperture.harvester.nexus;

import io.aperture.harvester.conformance.ConformanceChecker;
import io.aperture.harvester.conformance.ConformanceReport;
import io.aperture.harvester.hdf5.FileProblem;
import io.aperture.harvester.hdf5.FileSignature;
import io.aperture.harvester.hdf5.FileSniffer;
import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;
import io.aperture.harvester.hdf5.H5ReadException;
import io.aperture.harvester.hdf5.H5Source;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.aperture.harvester.hdf5.jhdf.JhdfSource;
import io.aperture.harvester.preview.PlotPreview;
import io.aperture.record.DefaultPlot;
import io.aperture.record.HarvestRecord;
import io.aperture.record.QualityFinding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Harvests a file: checks what it is, opens it, and extracts one record per NXentry. */
public final class NexusHarvester {
    /** Filters jhdf 0.11 can decode; a dataset using any other cannot be read. */
    static final Set<String> READABLE_FILTERS = Set.of("deflate", "shuffle", "fletcher32", "lzf", "lz4", "bitshuffle");

    private final H5Source source;
    private final EntryExtractor extractor;
    private final ConformanceChecker checker;
    private final HarvestConfig config;
    /** null: records go without previews, and the harvest reads no bulk data (NoBulkReadTest) */
    private final PlotPreview previews;

    public NexusHarvester(HarvestConfig config) {
        this(config, new JhdfSource());
    }

    public NexusHarvester(HarvestConfig config, H5Source source) {
        this(config, source, new ConformanceChecker());
    }

    /** @param checker the conformance check run on each file; null for none (the benchmark's harvest-only baseline) */
    public NexusHarvester(HarvestConfig config, H5Source source, ConformanceChecker checker) {
        this(config, source, checker, null);
    }

    private NexusHarvester(HarvestConfig config, H5Source source, ConformanceChecker checker, PlotPreview previews) {
        this.config = config;
        this.source = source;
        this.extractor = new EntryExtractor(config);
        this.checker = checker;
        this.previews = previews;
    }

    /**
     * This harvester, also rendering each entry's default plot into its record (PlotPreview, within its default
     * budget): the one part of a harvest that reads data, a bounded slice of the signal. The CLI harvests with it.
     *
     * @param clock measures the preview's time budget (the commands' injected clock)
     */
    public NexusHarvester withPreviews(Clock clock) {
        return new NexusHarvester(config, source, checker, new PlotPreview(PlotPreview.Budget.DEFAULT, clock));
    }

    /** {@link #withPreviews(Clock)} on the system clock, for callers with no clock of their own (other modules' tests). */
    public NexusHarvester withPreviews() {
        return withPreviews(Clock.systemUTC());
    }

    /** The signature check alone, without opening the file with an HDF5 reader. */
    public FileSignature sniff(Path file) throws UnusableFileException {
        return FileSniffer.sniff(file);
    }

    public List<HarvestRecord> harvest(Path file) throws UnusableFileException {
        Path abs = file.toAbsolutePath().normalize();
        FileSignature sig = FileSniffer.sniff(abs);
        FileFacts facts;
        try {
            BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
            facts = new FileFacts(abs, a.size(), a.lastModifiedTime().toInstant());
        } catch (IOException e) {
            throw new UnusableFileException(abs, FileProblem.READ_ERROR, e.getMessage(), e);
        }
        try (H5File h5 = source.open(abs, sig)) {
            List<H5Group> entries = h5.root().children().stream()
                    .filter(H5Group.class::isInstance).map(H5Group.class::cast)
                    .filter(g -> "NXentry".equals(g.nxClass())).toList();
            if (entries.isEmpty()) {
                if (h5.root().children().isEmpty() && !h5.warnings().isEmpty()) {
                    throw new UnusableFileException(abs, FileProblem.CORRUPT, h5.warnings().getFirst());
                }
                throw new UnusableFileException(abs, FileProblem.NOT_NEXUS, unreadableFilterNote(h5.root()));
            }
            List<HarvestRecord> records = new ArrayList<>();
            for (H5Group entry : entries) {
                records.add(withPreview(h5, extractor.extract(h5, facts, entry)));
            }
            // the conformance check walks the tree the extraction has just read (about 9 % of harvest time)
            if (checker == null) {
                return records;
            }
            ConformanceReport report;
            try {
                report = checker.check(h5);
            } catch (RuntimeException | StackOverflowError e) {
                // a check that fails on an odd file must not cost its records: they go without findings (null)
                return records;
            }
            for (int i = 0; i < records.size(); i++) {
                records.set(i, records.get(i).withFindings(findingsOf(report, entries.get(i).path())));
            }
            return records;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // jhdf may still throw on structures it does not expect; the file is refused, never the whole run.
            throw new UnusableFileException(abs, FileProblem.READ_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The record with the PNG of its default plot, rendered within the preview budget while the file is open; without
     * one when there is no numeric signal, the budget runs out, the signal cannot be read or the PNG is too large.
     */
    private HarvestRecord withPreview(H5File h5, HarvestRecord record) {
        DefaultPlot plot = record.defaultPlot();
        if (previews == null || plot == null || plot.path() == null || plot.signal() == null) {
            return record;
        }
        try {
            Optional<byte[]> png = h5.root().descendant(plot.path() + "/" + plot.signal())
                    .filter(H5Dataset.class::isInstance).map(H5Dataset.class::cast)
                    .flatMap(this::render)
                    .filter(bytes -> bytes.length <= HarvestRecord.MAX_PREVIEW_BYTES);
            return png.map(record::withPreview).orElse(record);
        } catch (RuntimeException e) {
            // a preview is an extra: a reader failure on the signal costs the preview, never the record
            return record;
        }
    }

    private Optional<byte[]> render(H5Dataset signal) {
        try {
            return previews.render(signal);
        } catch (H5ReadException e) {
            return Optional.empty();
        }
    }

    /** The findings inside this entry, and those about the whole file (path "/": reader warnings, the time limit). */
    private static List<QualityFinding> findingsOf(ConformanceReport report, String entryPath) {
        return report.findings().stream()
                .filter(f -> f.path().equals("/") || f.path().equals(entryPath) || f.path().startsWith(entryPath + "/")
                        || f.path().startsWith(entryPath + "@"))
                .map(f -> new QualityFinding(f.level().id(), f.path(), f.rule().id(), f.message()))
                .toList();
    }

    private static String unreadableFilterNote(H5Group root) {
        for (H5Node n : root.children()) {
            if (n instanceof H5Dataset d) {
                for (String f : d.filters()) {
                    if (!READABLE_FILTERS.contains(f)) {
                        return "dataset " + d.path() + " also uses the unsupported " + f + " filter";
                    }
                }
            }
        }
        return null;
    }
}
