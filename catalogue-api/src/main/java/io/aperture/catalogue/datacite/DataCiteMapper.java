package io.aperture.catalogue.datacite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.aperture.catalogue.datacite.DataCiteMetadata.*;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.model.*;
import io.aperture.policy.access.ExportDetail;
import io.aperture.policy.access.ProtectedResource;
import io.aperture.policy.doi.CollectionDoi;
import io.aperture.policy.embargo.EmbargoRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Maps a catalogued {@link Dataset} to {@link DataCiteMetadata}. Must run inside a transaction (it follows lazy
 * associations). What it may include is decided by the caller through {@link ExportDetail} and a predicate telling
 * which other datasets the reader may learn about (sources of a processed dataset).
 */
@ApplicationScoped
public class DataCiteMapper {
    static final String ORCID_URI = "https://orcid.org";
    static final String ROR_URI = "https://ror.org";
    static final String PANET_SCHEME_URI = "http://purl.org/pan-science/PaNET/";
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Map<String, String> LICENCE_NAMES = Map.of(
            "CC-BY-4.0", "Creative Commons Attribution 4.0 International",
            "CC0-1.0", "Creative Commons Zero v1.0 Universal");

    private final EmbargoRules rules;
    private final DataCiteSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    DataCiteMapper(EmbargoRules rules, DataCiteSettings settings, ObjectMapper json, Clock clock) {
        this.rules = rules;
        this.clock = clock;
        this.settings = settings;
        this.json = json;
    }

    /**
     * @param publicBase  the portal's public base URL (ends with '/'), for landing-page links
     * @param readerSees  whether the reader of this export may learn that another dataset exists
     */
    public DataCiteMetadata map(Dataset d, ExportDetail detail, URI publicBase, Predicate<Dataset> readerSees) {
        return map(d, detail, publicBase, readerSees, DatasetExtras.ONE_BY_ONE);
    }

    /** As above, with what the mapping reads beyond the row given ({@link DatasetExtras#forPage} for a page). */
    public DataCiteMetadata map(Dataset d, ExportDetail detail, URI publicBase, Predicate<Dataset> readerSees,
                                DatasetExtras extras) {
        boolean full = detail == ExportDetail.FULL;
        ProtectedResource resource = AccessControl.resource(d);
        boolean released = resource.isPublicAt(clock.instant());
        // Under embargo (minimal detail) nothing is taken from the file: its contents are what the embargo hides.
        // the stored record, parsed once for the users and the citations it names (full detail only)
        JsonNode stored = full ? parsed(extras.storedRecord().apply(d)) : MissingNode.getInstance();
        List<People.FileUser> users = full ? users(stored) : List.of();
        Identifier identifier = d.doi != null && !d.doi.isBlank()
                ? new Identifier(normaliseDoi(d.doi).orElse(d.doi), "DOI")
                : new Identifier(landingPage(publicBase, d), "URL");

        List<DateEntry> dates = new ArrayList<>();
        if (full) {
            collected(d).ifPresent(range -> dates.add(new DateEntry(range, "Collected")));
        }
        // Available: when the data is (or will be) open. Early release makes it earlier than the embargo end.
        dates.add(new DateEntry(rules.day(resource.availableFrom()).toString(), "Available"));
        if (full && released) {
            dates.add(new DateEntry(rules.day(resource.availableFrom()).toString(), "Issued"));
        }

        return new DataCiteMetadata(
                identifier,
                full ? List.of(new AlternateIdentifier(d.pid, "Aperture PID")) : List.of(),
                creators(d, users),
                d.title,
                new Publisher(settings.facilityName(d.facility), publisherRor(d.facility)),
                rules.day(resource.availableFrom()).getYear(),
                full ? ("PROCESSED".equals(d.kind) ? "Processed NeXus data" : "Raw NeXus data") : "Dataset",
                full ? subjects(d) : List.of(),
                full ? contributors(d, users) : List.of(),
                dates,
                full ? related(d, publicBase, readerSees, extras, stored) : List.of(),
                full ? sizes(d) : List.of(),
                full ? List.of("application/x-hdf5", "NeXus") : List.of(),
                rights(d),
                full ? descriptions(d) : List.of());
    }

    public static String landingPage(URI publicBase, Dataset d) {
        return PublicUrls.dataset(publicBase, d.pid);
    }

    /** A DOI in its bare form (10.x/y) from a bare DOI, a doi: name or a doi.org URL; empty when it is none. */
    public static Optional<String> normaliseDoi(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        for (String prefix : List.of("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")) {
            if (v.regionMatches(true, 0, prefix, 0, prefix.length())) {
                v = v.substring(prefix.length());
                break;
            }
        }
        return DOI.matcher(v).matches() ? Optional.of(v) : Optional.empty();
    }

    private static Optional<String> collected(Dataset d) {
        Instant start = d.collectionStart;
        Instant end = d.collectionEnd;
        if (start == null && end == null) {
            return Optional.empty();
        }
        if (start == null || end == null || start.equals(end)) {
            return Optional.of(utc(start != null ? start : end));
        }
        return Optional.of(utc(start) + "/" + utc(end));
    }

    private static String utc(Instant i) {
        return i.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toInstant().toString();
    }

    /** The proposal's people (PI first), the file's NXusers the user office does not name; else the facility. */
    private List<Name> creators(Dataset d, List<People.FileUser> users) {
        List<Name> out = People.withFileUsers(People.userOffice(d.proposal), users);
        if (out.isEmpty()) {
            out = List.of(organisation(d.facility, Optional.empty()));
        }
        return out;
    }

    /** The file's local contacts, then the facility as HostingInstitution. */
    private List<Name> contributors(Dataset d, List<People.FileUser> users) {
        List<Name> out = new ArrayList<>(People.localContacts(users));
        out.add(hostingInstitution(d.facility));
        return out;
    }

    Name organisation(Facility f, Optional<String> contributorType) {
        List<NameIdentifier> ids = publisherRor(f).map(r -> List.of(new NameIdentifier(r, "ROR", ROR_URI))).orElse(List.of());
        return new Name(settings.facilityName(f), NameType.Organizational, Optional.empty(), Optional.empty(), ids, List.of(), contributorType);
    }

    Name hostingInstitution(Facility f) {
        return organisation(f, Optional.of("HostingInstitution"));
    }

    Optional<String> publisherRor(Facility f) {
        return settings.facilityRor(f).flatMap(DataCiteMapper::ror);
    }

    /** A ROR id as its canonical URL, from either the bare id or the URL. */
    public static Optional<String> ror(String value) {
        return text(value).map(v -> v.replaceFirst("^https?://(www\\.)?ror\\.org/", ""))
                .filter(v -> v.matches("0[a-z0-9]{6}[0-9]{2}"))
                .map(v -> ROR_URI + "/" + v);
    }

    private static List<Subject> subjects(Dataset d) {
        List<Subject> out = new ArrayList<>();
        d.techniques.stream().sorted(Comparator.comparing((Technique t) -> t.label == null ? t.iri : t.label))
                .forEach(t -> out.add(new Subject(t.label != null ? t.label : t.iri, Optional.of("PaNET"),
                        Optional.of(PANET_SCHEME_URI), Optional.of(t.iri))));
        if (d.proposal != null && d.proposal.keywords != null) {
            d.proposal.keywords.stream().filter(k -> k != null && !k.isBlank())
                    .forEach(k -> out.add(new Subject(k, Optional.empty(), Optional.empty(), Optional.empty())));
        }
        return out;
    }

    private List<RelatedIdentifier> related(Dataset d, URI publicBase, Predicate<Dataset> readerSees, DatasetExtras extras,
                                            JsonNode stored) {
        LinkedHashSet<RelatedIdentifier> out = new LinkedHashSet<>();
        // the proposal's own DOI (from the user office) names the collection of all its data
        if (d.proposal != null) {
            normaliseDoi(d.proposal.doi).ifPresent(doi -> out.add(new RelatedIdentifier(doi, "DOI", "IsPartOf")));
        }
        // the collection DOIs minted for its visit or proposal (aperture.doi.collections), once the policy made them findable
        for (DoiCollection c : extras.collections().apply(d)) {
            if (CollectionDoi.named(c.doiState)) {
                normaliseDoi(c.doi).ifPresent(doi -> out.add(new RelatedIdentifier(doi, "DOI", "IsPartOf")));
            }
        }
        for (DatasetDerivation source : d.derivedFrom) {
            Dataset s = source.sourceDataset;
            if (s != null) {
                // A source still under embargo must not be revealed to a reader who may not know it exists.
                if (readerSees.test(s)) {
                    out.add(reference(s, publicBase, "IsDerivedFrom"));
                }
            } else {
                // Unresolved references are file paths unless they are DOIs; paths are not published.
                normaliseDoi(source.sourceReference).ifPresent(doi -> out.add(new RelatedIdentifier(doi, "DOI", "IsDerivedFrom")));
            }
        }
        for (DatasetDerivation derived : extras.derivedBy().apply(d)) {
            // the same rule as for sources: an embargoed processed dataset is named only to readers who may know it
            if (readerSees.test(derived.dataset)) {
                out.add(reference(derived.dataset, publicBase, "IsSourceOf"));
            }
        }
        publications(d.proposal).forEach(out::add);
        for (JsonNode c : recordArray(stored, "citations")) {
            Optional<String> doi = normaliseDoi(c.path("doi").asText(null));
            String url = c.path("url").asText("");
            if (doi.isPresent()) {
                out.add(new RelatedIdentifier(doi.get(), "DOI", "References"));
            } else if (url.startsWith("https://") || url.startsWith("http://")) {
                out.add(new RelatedIdentifier(url, "URL", "References"));
            }
        }
        documentation(d.definition).ifPresent(url -> out.add(new RelatedIdentifier(url, "URL", "IsDocumentedBy")));
        return List.copyOf(out);
    }

    /** The publications the user office reports for the proposal: they cite its data ({@code IsCitedBy}). */
    static List<RelatedIdentifier> publications(Proposal p) {
        if (p == null || p.publications == null) {
            return List.of();
        }
        return p.publications.stream().map(DataCiteMapper::normaliseDoi).flatMap(Optional::stream)
                .map(doi -> new RelatedIdentifier(doi, "DOI", "IsCitedBy")).toList();
    }

    /** Another catalogued dataset: its DOI, else its landing page. */
    private static RelatedIdentifier reference(Dataset other, URI publicBase, String relation) {
        return normaliseDoi(other.doi).map(doi -> new RelatedIdentifier(doi, "DOI", relation))
                .orElse(new RelatedIdentifier(landingPage(publicBase, other), "URL", relation));
    }

    /** The NeXus manual's page of an application definition (NXmx, NXtomo...), which documents the file's layout. */
    static Optional<String> documentation(String definition) {
        return text(definition).filter(n -> n.matches("NX[a-z][a-z0-9_]*"))
                .map(n -> "https://manual.nexusformat.org/classes/applications/" + n + ".html");
    }

    private static List<People.FileUser> users(JsonNode stored) {
        return recordArray(stored, "users").stream().map(People.FileUser::of).toList();
    }

    /** The stored record as JSON; a missing node when there is none or it does not parse (nothing is taken from it). */
    private JsonNode parsed(String storedRecord) {
        if (storedRecord == null) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(storedRecord);
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    /** An array of the stored record ({@code citations[]}: NXcite, {@code users[]}: NXuser), empty when absent. */
    private static List<JsonNode> recordArray(JsonNode stored, String field) {
        List<JsonNode> out = new ArrayList<>();
        stored.path(field).forEach(out::add);
        return out;
    }

    private static List<String> sizes(Dataset d) {
        List<String> out = new ArrayList<>();
        if (d.sizeBytes > 0) {
            out.add(d.sizeBytes + " bytes");
        }
        if (d.fileCount > 0) {
            out.add(d.fileCount + (d.fileCount == 1 ? " file" : " files"));
        }
        return out;
    }

    /** The licence every dataset gets at release (a collection's). */
    Rights releaseRights() {
        return rights(rules.releaseLicence().spdxId());
    }

    private Rights rights(Dataset d) {
        return rights(d.license != null ? d.license : rules.releaseLicence().spdxId());
    }

    private Rights rights(String spdx) {
        String uri = spdx.equals(rules.releaseLicence().spdxId()) ? rules.releaseLicence().url().toString()
                : "https://spdx.org/licenses/" + spdx + ".html";
        return new Rights(spdx, uri, LICENCE_NAMES.getOrDefault(spdx, spdx));
    }

    private List<Description> descriptions(Dataset d) {
        List<Description> out = new ArrayList<>();
        StringBuilder a = new StringBuilder("PROCESSED".equals(d.kind) ? "Processed" : "Raw").append(" NeXus data");
        if (d.instrument != null) {
            a.append(" measured on ").append(d.instrument.name);
        }
        a.append(" at ").append(settings.facilityName(d.facility));
        if (d.proposal != null) {
            a.append(", proposal ").append(d.proposal.code);
            text(d.proposal.title).ifPresent(t -> a.append(" (").append(t).append(')'));
        }
        if (d.sample != null && d.sample.name != null) {
            a.append(", sample ").append(d.sample.name);
            text(d.sample.chemicalFormula).ifPresent(f -> a.append(" (").append(f).append(')'));
        }
        out.add(new Description(a.append('.').toString(), "Abstract"));

        List<String> tech = new ArrayList<>();
        if (d.instrument != null) {
            tech.add("Instrument: " + d.instrument.name);
        }
        text(d.definition).ifPresent(def -> tech.add("NeXus application definition: " + def));
        text(d.programName).ifPresent(p -> tech.add("Program: " + p + text(d.programVersion).map(v -> " " + v).orElse("")));
        text(d.scanNumber).ifPresent(s -> tech.add("Scan number: " + s));
        if (!tech.isEmpty()) {
            out.add(new Description(String.join("; ", tech), "TechnicalInfo"));
        }
        return out;
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
