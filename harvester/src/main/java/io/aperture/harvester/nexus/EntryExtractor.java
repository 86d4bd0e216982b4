package io.aperture.harvester.nexus;

import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5ExternalLink;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;
import io.aperture.harvester.hdf5.H5Value;
import io.aperture.harvester.hdf5.VirtualDataset;
import io.aperture.record.DatasetInfo;
import io.aperture.record.Definition;
import io.aperture.record.FileRef;
import io.aperture.record.HarvestRecord;
import io.aperture.record.Identity;
import io.aperture.record.Instrument;
import io.aperture.record.Parameter;
import io.aperture.record.Processing;
import io.aperture.record.Program;
import io.aperture.record.Sample;
import io.aperture.record.SourceRef;
import io.aperture.record.Technique;
import io.aperture.record.User;
import io.aperture.harvester.time.NexusTimeParser;
import io.aperture.policy.embargo.ProductionDate;
import io.aperture.units.UnitConverter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one NXentry into a {@link HarvestRecord}. */
public final class EntryExtractor {

    private static final Pattern PROGRAM_WITH_VERSION = Pattern.compile("(.+?)[\\s_-]+v?(\\d+(?:\\.[\\w-]+)+)");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(?:^|[-_])(\\d{3,})\\.[A-Za-z0-9]+$");
    private static final Set<String> ENTRY_TEXT_PARAMETERS = Set.of("title", "definition", "program_name",
            "experiment_identifier", "entry_identifier", "collection_identifier", "run_cycle", "start_time", "end_time");

    private final HarvestConfig config;
    private final UnitConverter units = new UnitConverter();
    private final NexusTimeParser times;
    private final InstrumentReader instruments = new InstrumentReader(units);
    private final ProvenanceReader provenance;

    public EntryExtractor(HarvestConfig config) {
        this.config = config;
        this.times = new NexusTimeParser(config.facilityZone());
        this.provenance = new ProvenanceReader(times);
    }

    public HarvestRecord extract(H5File file, FileFacts facts, H5Group entry) {
        EntryContext cx = new EntryContext(file, entry, config.smallLimit(), units);
        String entryName = entry.name();

        List<H5Group> subentries = cx.groups.stream().filter(g -> "NXsubentry".equals(g.nxClass())).toList();
        Definition definition = definition(cx, entry, subentries);
        Program program = program(cx, entry);
        H5Group instrumentGroup = EntryContext.first(entry, "NXinstrument").orElseGet(() -> cx.deepFirst("NXinstrument"));
        Instrument instrument = instrumentGroup == null ? null : instruments.read(cx, entry, instrumentGroup);
        Identity identity = identity(cx, facts, entry, instrument);

        String title = cx.text(entry, "title");
        for (H5Group sub : subentries) {
            if (title == null) {
                title = cx.text(sub, "title");
            }
        }
        if (title == null) {
            title = facts.path().getFileName() + " " + entryName;
        }

        Instant start = time(cx, entry, subentries, "start_time");
        Instant end = time(cx, entry, subentries, "end_time");
        // the embargo clock's start, by policy's rule: NeXus end_time, else the file's modification time
        Instant producedAt = ProductionDate.ofDataset(Optional.ofNullable(end), Optional.ofNullable(facts.modified()))
                .orElseThrow();

        List<Processing> processing = provenance.processing(cx);
        // NXcanSAS holds reduced data by definition, whoever wrote it.
        boolean reducedDefinition = definition != null && definition.name().equalsIgnoreCase("NXcanSAS");
        HarvestRecord.Kind kind = processing.isEmpty() && !reducedDefinition && !writtenByProcessor(program, file)
                ? HarvestRecord.Kind.RAW : HarvestRecord.Kind.PROCESSED;

        List<FileRef> files = files(cx, facts);
        return new HarvestRecord(HarvestRecord.FORMAT_VERSION, config.facility(),
                new SourceRef(facts.path().toString(), entryName, facts.size(), facts.modified(), null),
                identity, title, kind, start, end, producedAt, program, definition, instrument, sample(cx, entry),
                users(cx), techniques(cx, entry, subentries, identity, instrument), parameters(cx), processing,
                kind == HarvestRecord.Kind.PROCESSED ? derivedFrom(cx, facts) : List.of(), provenance.citations(cx),
                DefaultPlotFinder.find(cx, entry), files, datasets(cx), warnings(cx, file, entry));
    }

    // ---- identity, program, definition, time -------------------------------------------------------------

    private Identity identity(EntryContext cx, FileFacts facts, H5Group entry, Instrument instrument) {
        String entryId = cx.text(entry, "entry_identifier");
        String experimentId = cx.text(entry, "experiment_identifier");
        String collectionId = cx.text(entry, "collection_identifier");
        Map<String, String> fromPath = pathFacts(facts.path().toAbsolutePath().toString());
        if (fromPath.isEmpty()) {
            // The master may have been copied elsewhere; the raw data it links to still sits in the visit folder.
            for (H5ExternalLink l : cx.links) {
                fromPath = pathFacts(l.targetFile());
                if (!fromPath.isEmpty()) {
                    break;
                }
            }
        }
        String visit = fromPath.get("visit");
        if (visit == null && experimentId != null && VisitPathPattern.proposalOf(experimentId).isPresent()) {
            visit = experimentId;
        }
        String proposal = fromPath.get("proposal");
        if (proposal == null) {
            proposal = VisitPathPattern.proposalOf(visit).orElse(null);
        }
        String scan = cx.text(entry, "scan_number");
        if (scan == null) {
            scan = cx.text(entry, "run_number");
        }
        if (scan == null && entryId != null && entryId.matches("\\d+")) {
            scan = entryId;
        }
        if (scan == null && fromPath.get("scan") != null) {
            scan = fromPath.get("scan");
        }
        if (scan == null) {
            Matcher m = TRAILING_NUMBER.matcher(facts.path().getFileName().toString());
            if (m.find()) {
                scan = m.group(1).replaceFirst("^0+(?=\\d)", "");
            }
        }
        String beamline = fromPath.get("beamline");
        if (beamline == null && instrument != null && instrument.shortName() != null) {
            beamline = instrument.shortName().toLowerCase(Locale.ROOT);
        }
        return new Identity(entryId, experimentId, collectionId, proposal, visit, scan, beamline);
    }

    private Map<String, String> pathFacts(String path) {
        for (VisitPathPattern p : config.pathPatterns()) {
            Optional<Map<String, String>> m = p.match(path);
            if (m.isPresent()) {
                return m.get();
            }
        }
        return Map.of();
    }

    private Program program(EntryContext cx, H5Group entry) {
        Optional<H5Dataset> d = entry.dataset("program_name");
        if (d.isEmpty()) {
            return null;
        }
        String name = cx.text(entry, "program_name");
        if (name == null) {
            return null;
        }
        String version = cx.textAttr(d.get(), "version");
        if (version == null) {
            Matcher m = PROGRAM_WITH_VERSION.matcher(name);
            if (m.matches()) {
                return new Program(m.group(1), m.group(2));
            }
        }
        return new Program(name, version);
    }

    private Definition definition(EntryContext cx, H5Group entry, List<H5Group> subentries) {
        Optional<H5Dataset> d = entry.dataset("definition");
        String name = cx.text(entry, "definition");
        if (name != null) {
            return new Definition(name, d.map(x -> cx.textAttr(x, "version")).orElse(null), d.get().path());
        }
        for (H5Group sub : subentries) {
            Optional<H5Dataset> sd = sub.dataset("definition");
            String sname = cx.text(sub, "definition");
            if (sname != null) {
                return new Definition(sname, cx.textAttr(sd.get(), "version"), sd.get().path());
            }
        }
        return null;
    }

    private Instant time(EntryContext cx, H5Group entry, List<H5Group> subentries, String field) {
        List<H5Group> where = new ArrayList<>();
        where.add(entry);
        where.addAll(subentries);
        for (H5Group g : where) {
            String text = cx.text(g, field);
            if (text != null) {
                Optional<Instant> t = times.parse(text);
                if (t.isPresent()) {
                    return t.get();
                }
                cx.warn("unparseable " + field + " '" + text + "' at " + g.path());
            }
        }
        return null;
    }

    private boolean writtenByProcessor(Program program, H5File file) {
        List<String> names = new ArrayList<>();
        if (program != null) {
            names.add(program.name());
        }
        String creator = file.root().textAttribute("creator");
        if (creator != null) {
            names.add(creator);
        }
        for (String n : names) {
            String lower = n.toLowerCase(Locale.ROOT);
            for (String p : config.processingPrograms()) {
                if (lower.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- sample, users -------------------------------------------------------------------------------------

    private Sample sample(EntryContext cx, H5Group entry) {
        Optional<H5Group> s = EntryContext.first(entry, "NXsample");
        if (s.isEmpty()) {
            return null;
        }
        H5Group g = s.get();
        String environment = EntryContext.first(g, "NXenvironment").map(e -> Optional.ofNullable(cx.text(e, "name")).orElse(e.name()))
                .orElse(cx.text(g, "sample_environment"));
        Sample sample = new Sample(cx.text(g, "name"), cx.text(g, "chemical_formula"), cx.text(g, "description"),
                cx.quantity(g, "temperature"), cx.quantity(g, "pressure"), environment);
        return sample.equals(new Sample(null, null, null, null, null, null)) ? null : sample;
    }

    private List<User> users(EntryContext cx) {
        List<User> out = new ArrayList<>();
        for (H5Group u : cx.entry.groupsOfClass("NXuser")) {
            String orcid = cx.text(u, "ORCID");
            if (orcid == null) {
                orcid = cx.text(u, "orcid");
            }
            out.add(new User(cx.text(u, "name"), cx.text(u, "role"), cx.text(u, "affiliation"), orcid, cx.text(u, "email"),
                    cx.text(u, "username")));
        }
        return out;
    }

    // ---- techniques ----------------------------------------------------------------------------------------

    private List<Technique> techniques(EntryContext cx, H5Group entry, List<H5Group> subentries, Identity identity,
                                       Instrument instrument) {
        Map<String, Technique> out = new LinkedHashMap<>();
        List<H5Group> where = new ArrayList<>();
        where.add(entry);
        where.addAll(subentries);
        for (H5Group g : where) {
            TechniqueTable.forDefinition(cx.text(g, "definition")).ifPresent(t -> out.putIfAbsent(t.iri(), t));
        }
        List<String> beamlines = new ArrayList<>();
        if (identity.beamline() != null) {
            beamlines.add(identity.beamline());
        }
        if (instrument != null && instrument.name() != null) {
            beamlines.add(instrument.name());
        }
        for (String b : beamlines) {
            for (Technique t : config.beamlineTechniques().getOrDefault(b.toLowerCase(Locale.ROOT), List.of())) {
                out.putIfAbsent(t.iri(), t);
            }
        }
        return List.copyOf(out.values());
    }

    // ---- parameters, datasets ------------------------------------------------------------------------------

    private List<Parameter> parameters(EntryContext cx) {
        List<Parameter> out = new ArrayList<>();
        for (H5Dataset d : cx.datasets) {
            String unit = cx.textAttr(d, "units");
            if (unit != null && d.isNumeric() && d.elementCount() <= cx.smallLimit) {
                cx.value(d).filter(H5Value::isNumeric).ifPresent(v -> addNumbers(out, d.path(), v.numbers(), unit));
            } else if (d.isText() && d.elementCount() == 1 && cx.entry.path().equals(EntryContext.parentPath(d.path()))
                    && ENTRY_TEXT_PARAMETERS.contains(d.name())) {
                cx.value(d).map(H5Value::text).filter(t -> !t.isBlank())
                        .ifPresent(t -> out.add(new Parameter(d.path(), null, cx.fit(d.path(), t), null, null, null, null)));
            }
        }
        // Attributes such as NXtransformations @offset carry their unit in a sibling attribute "<name>_units".
        List<H5Node> nodes = new ArrayList<>(cx.groups);
        nodes.addAll(cx.datasets);
        for (H5Node n : nodes) {
            for (Map.Entry<String, H5Value> a : n.attributes().entrySet()) {
                String unit = cx.textAttr(n, a.getKey() + "_units");
                if (unit != null && a.getValue().isNumeric() && a.getValue().size() <= cx.smallLimit) {
                    addNumbers(out, n.path() + "@" + a.getKey(), a.getValue().numbers(), unit);
                }
            }
        }
        // the catalogue refuses a whole record with more parameters than the record contract allows
        if (out.size() > HarvestRecord.MAX_PARAMETERS) {
            cx.warn(out.size() + " parameters, only the first " + HarvestRecord.MAX_PARAMETERS + " kept (the catalogue takes no more)");
            return List.copyOf(out.subList(0, HarvestRecord.MAX_PARAMETERS));
        }
        return out;
    }

    private void addNumbers(List<Parameter> out, String name, double[] values, String unit) {
        if (values.length == 1) {
            out.add(Parameter.of(name, units.asRecorded(values[0], unit)));
        } else {
            for (int i = 0; i < values.length; i++) {
                out.add(Parameter.of(name + "[" + i + "]", units.asRecorded(values[i], unit)));
            }
        }
    }

    private List<DatasetInfo> datasets(EntryContext cx) {
        List<DatasetInfo> out = new ArrayList<>();
        for (H5Dataset d : cx.datasets) {
            if (d.elementCount() > cx.smallLimit) {
                long[] chunks = d.chunks();
                out.add(new DatasetInfo(d.path(), Arrays.stream(d.shape()).boxed().toList(), d.dtype(),
                        chunks == null ? null : Arrays.stream(chunks).boxed().toList(), d.filters()));
            }
        }
        for (VirtualDataset v : entryVirtualDatasets(cx)) {
            out.add(new DatasetInfo(v.path(), v.shape() == null ? List.of() : Arrays.stream(v.shape()).boxed().toList(),
                    "virtual", null, List.of()));
        }
        return out;
    }

    // ---- files ---------------------------------------------------------------------------------------------

    private List<FileRef> files(EntryContext cx, FileFacts facts) {
        Map<String, FileRef> out = new LinkedHashMap<>();
        out.put(facts.path().toString(), new FileRef(facts.path().toString(), FileRef.Role.MASTER, facts.size(),
                facts.modified(), false, null, null));
        for (H5ExternalLink l : cx.links) {
            Path target = resolveLinkedFile(facts.path(), l.targetFile());
            out.computeIfAbsent(target.toString(), k -> fileRef(cx, facts.path(), target, FileRef.Role.EXTERNAL_LINK, l.path()));
        }
        for (VirtualDataset vds : entryVirtualDatasets(cx)) {
            for (VirtualDataset.Source src : vds.sources()) {
                // "." names the file holding the virtual dataset: the master, already listed
                Path target = src.file().equals(".") ? facts.path() : resolveLinkedFile(facts.path(), src.file());
                out.computeIfAbsent(target.toString(), k -> target.equals(facts.path())
                        ? fileRef(target, FileRef.Role.VDS_SOURCE, vds.path())
                        : fileRef(cx, facts.path(), target, FileRef.Role.VDS_SOURCE, vds.path()));
            }
        }
        return List.copyOf(out.values());
    }

    private static List<VirtualDataset> entryVirtualDatasets(EntryContext cx) {
        String prefix = cx.entry.path() + "/";
        return cx.file.virtualDatasets().stream().filter(v -> v.path().startsWith(prefix)).toList();
    }

    static Path resolveLinkedFile(Path master, String target) {
        Path t = Path.of(target);
        if (t.isAbsolute()) {
            return t.normalize();
        }
        Path dir = master.toAbsolutePath().getParent();
        return dir.resolve(t).normalize();
    }

    /** A linked file the master may not lead to is listed unresolved (missing), with the reason as a warning. */
    private static FileRef fileRef(EntryContext cx, Path master, Path p, FileRef.Role role, String linkedFrom) {
        Optional<String> refusal = LinkedFiles.refusal(master, p);
        if (refusal.isPresent()) {
            cx.warn(linkedFrom + " -> " + p + ": " + refusal.get());
            return new FileRef(p.toString(), role, null, null, true, null, linkedFrom);
        }
        return fileRef(p, role, linkedFrom);
    }

    private static FileRef fileRef(Path p, FileRef.Role role, String linkedFrom) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new FileRef(p.toString(), role, a.size(), a.lastModifiedTime().toInstant(), false, null, linkedFrom);
        } catch (IOException e) {
            return new FileRef(p.toString(), role, null, null, true, null, linkedFrom);
        }
    }

    private List<String> derivedFrom(EntryContext cx, FileFacts facts) {
        List<String> out = new ArrayList<>();
        for (H5ExternalLink l : cx.links) {
            if (l.path().toLowerCase(Locale.ROOT).contains("/input")) {
                String entryName = l.targetPath().replaceFirst("^/", "").split("/")[0];
                String ref = resolveLinkedFile(facts.path(), l.targetFile()) + (entryName.isEmpty() ? "" : "#" + entryName);
                if (!out.contains(ref)) {
                    out.add(ref);
                }
            }
        }
        return out;
    }

    private List<String> warnings(EntryContext cx, H5File file, H5Group entry) {
        List<String> out = new ArrayList<>();
        String prefix = entry.path() + "/";
        for (String w : file.warnings()) {
            boolean mentionsOtherEntry = w.matches(".*\\s/[^/\\s]+/.*") && !w.contains(prefix) && !w.contains(entry.path() + " ");
            if (!mentionsOtherEntry) {
                out.add(w);
            }
        }
        out.addAll(cx.warnings);
        return out;
    }
}
