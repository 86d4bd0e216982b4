package io.aperture.catalogue.panosc;

import io.aperture.catalogue.panosc.EntityModel.Field;
import io.aperture.catalogue.panosc.EntityModel.Kind;
import io.aperture.catalogue.panosc.EntityModel.Relation;
import io.aperture.catalogue.search.InvalidSearchException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PaNOSC model over the catalogue's tables (design/PANOSC.md §1). {@code :open} is the stored status the policy's
 * public scope names ({@link PanoscQueries} binds it): a Dataset is served when it has it, a Document when one of its
 * datasets has it, and every relation to datasets goes through the same condition, so nothing embargoed is reachable.
 */
final class Entities {
    static final String OPEN = "open";
    /** The names of the facility's configured instruments ({@code aperture.facility.instruments}). */
    static final String CONFIGURED = "configured";
    /** The DOI states in which a DOI resolves ({@code DoiState.resolves()}): a dataset's pid is its DOI then. */
    static final String RESOLVING = "resolving";
    private static final String PUBLIC_DATASET = "{a}.accessState = :" + OPEN;

    static final EntityModel DATASET = new EntityModel("Dataset", "Dataset", fields(
            // the DOI once it resolves, else the stable local pid; both find the dataset (§1, issue #12). The cast is
            // needed: a case over attributes is typed as the attribute (dataset.doi), and the windowed derived table of
            // PanoscQueries.attach then exposes it as a column of table dataset, which fails Hibernate's assertion
            // "Expecting tables to match between TableReference (null) and SelectableMapping (dataset)"
            "pid", Field.column("cast(case when {a}.doi is not null and {a}.doiState in (:" + RESOLVING
                    + ") then {a}.doi else {a}.pid end as String)", Kind.TEXT),
            "title", Field.column("{a}.title", Kind.TEXT),
            "creationDate", Field.column("{a}.producedAt", Kind.DATE),
            "size", Field.column("cast({a}.sizeBytes as Double)", Kind.NUMBER),
            "isPublic", Field.column("true", Kind.ALWAYS_TRUE)),
            List.of("title"), relations(
            "instrument", new Relation("Instrument", "{a} = {p}.instrument", true),
            "techniques", new Relation("Technique", "{a} member of {p}.techniques", false),
            "files", new Relation("File", "{a}.dataset = {p}", false),
            "samples", new Relation("Sample", "{a} = {p}.sample", false),
            "parameters", new Relation("Parameter", "{a}.dataset = {p}", false),
            // its proposal and the publications citing it; `document` is the proposal (a publication has none)
            "documents", new Relation("Document", "{p} member of {a}.datasets", false),
            "document", new Relation("Document", "{a}.proposal = {p}.proposal", true)),
            Optional.of(PUBLIC_DATASET));

    /**
     * Proposals and publications (model {@code Document}, view {@code panosc_document}): a Document is served when one of
     * its datasets — a proposal's own, those citing a publication or of the proposals it is reported for — is public.
     */
    static final EntityModel DOCUMENT = new EntityModel("Document", "Document", fields(
            "pid", Field.column("coalesce({a}.doi, {a}.pid)", Kind.TEXT),
            "isPublic", Field.column("true", Kind.ALWAYS_TRUE),
            "type", Field.column("{a}.docType", Kind.TEXT),
            "title", Field.column("{a}.title", Kind.TEXT),
            "summary", Field.column("{a}.summary", Kind.TEXT),
            "doi", Field.column("{a}.doi", Kind.TEXT),
            // the visits with public data only: an embargoed visit's dates would tell of an unpublished beamtime
            "startDate", Field.computed("(select min(sv.startDate) from Visit sv where sv.proposal = {a}.proposal and exists"
                    + " (select sd.id from Dataset sd where sd.visit = sv and sd.accessState = :" + OPEN + "))", Kind.DATE),
            "endDate", Field.computed("(select max(ev.endDate) from Visit ev where ev.proposal = {a}.proposal and exists"
                    + " (select ed.id from Dataset ed where ed.visit = ev and ed.accessState = :" + OPEN + "))", Kind.DATE),
            // a publication's year (its first day, V23), else the embargo end of the document's public data: when it
            // became openly accessible (§1.1)
            "releaseDate", Field.computed("coalesce({a}.publishedOn, (select min(rd.embargoEnd) from Dataset rd where rd member of"
                    + " {a}.datasets and rd.accessState = :" + OPEN + "))", Kind.DATE),
            "license", Field.computed("(select min(ld.license) from Dataset ld where ld member of {a}.datasets and ld.accessState = :"
                    + OPEN + ")", Kind.TEXT),
            "keywords", new Field("{a}.keywords", Kind.TEXT_LIST, false, false)),
            List.of("title", "summary"), relations(
            "datasets", new Relation("Dataset", "{a} member of {p}.datasets", false),
            // a proposal's members; a publication's authors as the user office reported them (V27)
            "members", new Relation("Member", "{a}.document = {p}", false),
            // the user office sends no document parameters: the relation exists and is always empty
            "parameters", new Relation("Parameter", "1 = 0", false)),
            Optional.of("exists (select vd.id from Dataset vd where vd member of {a}.datasets and vd.accessState = :" + OPEN + ")"));

    static final EntityModel INSTRUMENT = new EntityModel("Instrument", "Instrument", fields(
            "pid", Field.column("{a}.pid", Kind.TEXT),
            "name", Field.column("{a}.name", Kind.TEXT),
            "facility", Field.column("{a}.facility.code", Kind.TEXT)),
            List.of("name", "facility"), relations(
            "datasets", new Relation("Dataset", "{a}.instrument = {p}", false)),
            // configured and user-office-listed instruments always; one that only embargoed records name stays unknown
            // until its data is public
            Optional.of("({a}.listed = true or {a}.name in (:" + CONFIGURED + ") or exists (select vi.id from Dataset vi where vi.instrument = {a}"
                    + " and vi.accessState = :" + OPEN + "))"));

    static final EntityModel FILE = new EntityModel("File", "Datafile", fields(
            "id", Field.column("{a}.id", Kind.ID),
            "name", Field.column("cast(function('regexp_replace', {a}.path, '^.*/', '') as String)", Kind.TEXT),
            "path", Field.column("cast(function('regexp_replace', {a}.path, '/?[^/]*$', '') as String)", Kind.TEXT),
            "size", Field.column("cast({a}.sizeBytes as Double)", Kind.NUMBER)),
            List.of("name"), relations(
            "dataset", new Relation("Dataset", "{a} = {p}.dataset", true)),
            Optional.empty());

    static final EntityModel TECHNIQUE = new EntityModel("Technique", "Technique", fields(
            "pid", Field.column("{a}.iri", Kind.TEXT),
            "name", Field.column("{a}.label", Kind.TEXT),
            "panetId", Field.column("{a}.iri", Kind.TEXT)),
            List.of("name"), relations(), Optional.empty());

    static final EntityModel SAMPLE = new EntityModel("Sample", "Sample", fields(
            "pid", Field.column("{a}.pid", Kind.TEXT),
            "name", Field.column("{a}.name", Kind.TEXT),
            "description", Field.column("{a}.description", Kind.TEXT)),
            List.of("name", "description"), relations(), Optional.empty());

    /** Parameters as stored: under an include they compare name, value and unit as written (the reference's way). */
    static final EntityModel PARAMETER = new EntityModel("Parameter", "Parameter", fields(
            "id", Field.column("{a}.id", Kind.ID),
            "name", Field.column("{a}.name", Kind.TEXT),
            "value", Field.column("{a}.numericValue", Kind.NUMBER),
            "unit", Field.column("{a}.unit", Kind.TEXT)),
            List.of("name"), relations(), Optional.empty());

    /** Over the view {@code panosc_member} (V27): proposals' members and publications' authors. */
    static final EntityModel MEMBER = new EntityModel("Member", "DocumentMember", fields(
            "id", Field.column("{a}.id", Kind.ID),
            "role", Field.column("{a}.role", Kind.TEXT)),
            List.of(), relations(
            "person", new Relation("Person", "{a} = {p}.person", true),
            "affiliation", new Relation("Affiliation", "{a} = {p}.affiliation", true),
            "document", new Relation("Document", "{a} = {p}.document", true)),
            Optional.empty());

    /** Over the view {@code panosc_person} (V27): people of the catalogue and publications' authors (a name only). */
    static final EntityModel PERSON = new EntityModel("Person", "DocumentPerson", fields(
            "id", Field.column("{a}.id", Kind.ID),
            "fullName", Field.column("{a}.fullName", Kind.TEXT),
            "firstName", Field.column("{a}.givenName", Kind.TEXT),
            "lastName", Field.column("{a}.familyName", Kind.TEXT),
            "orcid", Field.column("{a}.orcid", Kind.TEXT)),
            List.of("fullName", "firstName", "lastName"), relations(), Optional.empty());

    static final EntityModel AFFILIATION = new EntityModel("Affiliation", "Affiliation", fields(
            "id", Field.column("{a}.id", Kind.ID),
            "name", Field.column("{a}.name", Kind.TEXT),
            "country", Field.column("{a}.country", Kind.TEXT)),
            List.of("name", "country"), relations(), Optional.empty());

    private static final Map<String, EntityModel> BY_NAME = Map.of("Dataset", DATASET, "Document", DOCUMENT,
            "Instrument", INSTRUMENT, "File", FILE, "Technique", TECHNIQUE, "Sample", SAMPLE, "Parameter", PARAMETER,
            "Member", MEMBER, "Person", PERSON, "Affiliation", AFFILIATION);

    private Entities() {
    }

    /** How a pid in a path finds its row: the local pid, or the DOI once there is one (§1). */
    static String lookup(EntityModel model) {
        return model == INSTRUMENT ? "{a}.pid = :pid" : "{a}.pid = :pid or {a}.doi = :pid";
    }

    static EntityModel named(String name) {
        return BY_NAME.get(name);
    }

    /** The relation of {@code model} an include names; an unknown one is a 400 (the reference fails with a 500). */
    static Relation relation(EntityModel model, PanoscFilter.Include include) {
        Relation r = model.relations().get(include.relation());
        if (r == null) {
            throw new InvalidSearchException(include.at() + ".relation", "Relation \"" + include.relation()
                    + "\" is not defined for " + model.name() + " model" + (model.relations().isEmpty() ? ""
                    : " (" + String.join(", ", model.relations().keySet()) + ")"));
        }
        return r;
    }

    /** Checks every relation the includes name, nested scopes too, whether or not any row will be attached. */
    static void checkRelations(EntityModel model, List<PanoscFilter.Include> includes) {
        for (PanoscFilter.Include include : includes) {
            checkRelations(named(relation(model, include).target()), include.scope().include());
        }
    }

    private static Map<String, Field> fields(Object... pairs) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Field) pairs[i + 1]);
        }
        return out;
    }

    private static Map<String, Relation> relations(Object... pairs) {
        Map<String, Relation> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Relation) pairs[i + 1]);
        }
        return out;
    }
}
