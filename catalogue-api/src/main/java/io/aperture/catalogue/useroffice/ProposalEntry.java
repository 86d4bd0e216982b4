package io.aperture.catalogue.useroffice;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.datacite.DataCiteMapper;
import io.aperture.catalogue.ingest.InvalidRecordException;
import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.input.Orcid;
import io.aperture.catalogue.input.InstantRange;
import io.aperture.catalogue.model.MemberRole;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One proposal of a user-office import, read and checked completely before anything is stored: every refusal is an
 * {@link InvalidRecordException} naming the field (by its JSON path), so that no hostile value reaches the database.
 */
record ProposalEntry(String code, String facility, String title, String summary, String doi, String type,
                     List<VisitEntry> visits, List<MemberEntry> members, List<PublicationEntry> publications) {

    record VisitEntry(String code, Instant start, Instant end) {}

    record MemberEntry(MemberRole role, PersonEntry person) {}

    record PersonEntry(String orcid, String username, String fullName, String givenName, String familyName, String email,
                       AffiliationEntry affiliation) {}

    record AffiliationEntry(String name, String ror, String country) {}

    /** A publication reported for the proposal: its bare DOI and what the user office knows of it (each optional). */
    record PublicationEntry(String doi, String title, Integer year, List<String> authors) {}

    /** The longest value of each text field; fields not named here hold names and short texts. */
    private static final Map<String, Integer> MAX_LENGTH = Map.of(
            "code", InputText.MAX_IDENTIFIER, "facility", InputText.MAX_IDENTIFIER, "doi", InputText.MAX_IDENTIFIER,
            "orcid", InputText.MAX_IDENTIFIER, "username", InputText.MAX_IDENTIFIER, "ror", InputText.MAX_IDENTIFIER,
            "email", 320, "title", 2_000, "summary", 20_000);
    private static final int MAX_OTHER_TEXT = 500;
    /** More visits or members than any proposal has: a body beyond them is a mistake or an attack. */
    static final int MAX_ENTRIES = 10_000;
    /**
     * More authors than a paper lists in the catalogue's fields (large collaborations run to thousands: not served).
     * Also the span of a publication's author ids (V27/V28: 2^52 + publication id * 1000 + position - 1): raising it
     * would let one publication's author ids run into the next one's.
     */
    static final int MAX_AUTHORS = 1_000;
    /** A publication's year: four digits, from the first journals on. */
    static final int MIN_YEAR = 1600;
    static final int MAX_YEAR = 9999;

    /** Reads the proposal at JSON path {@code at} ({@code proposals[3]}). */
    static ProposalEntry read(JsonNode p, String at) {
        if (!p.isObject()) {
            throw new InvalidRecordException(at, "must be a JSON object");
        }
        String code = text(p, at, "code", true);
        String facility = text(p, at, "facility", false);
        String title = text(p, at, "title", false);
        String summary = text(p, at, "summary", false);
        String doi = text(p, at, "doi", false);
        String type = text(p, at, "type", false);
        List<VisitEntry> visits = new ArrayList<>();
        JsonNode vs = list(p, at, "visits");
        for (int v = 0; v < vs.size(); v++) {
            String vat = at + ".visits[" + v + "]";
            JsonNode visit = object(vs.get(v), vat);
            visits.add(new VisitEntry(text(visit, vat, "code", true), instant(visit, vat, "start"), instant(visit, vat, "end")));
        }
        List<MemberEntry> members = new ArrayList<>();
        JsonNode ms = list(p, at, "members");
        for (int m = 0; m < ms.size(); m++) {
            String mat = at + ".members[" + m + "]";
            JsonNode member = object(ms.get(m), mat);
            MemberRole role;
            try {
                role = MemberRole.valueOf(text(member, mat, "role", true));
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException(mat + ".role", "must be PI, ALTERNATE_CONTACT or TEAM_MEMBER");
            }
            members.add(new MemberEntry(role, person(member.path("person"), mat + ".person")));
        }
        return new ProposalEntry(code, facility, title, summary, doi, type, List.copyOf(visits), List.copyOf(members),
                publications(p, at));
    }

    /**
     * The publications reported for the proposal, each DOI in its bare form (10.x/y) and once (the first entry naming
     * it counts): a string (the DOI) or an object with the DOI and, optionally, its title, year and authors' names.
     */
    private static List<PublicationEntry> publications(JsonNode p, String at) {
        JsonNode ps = list(p, at, "publications");
        Map<String, PublicationEntry> out = new LinkedHashMap<>();
        for (int i = 0; i < ps.size(); i++) {
            String pat = at + ".publications[" + i + "]";
            JsonNode v = ps.get(i);
            PublicationEntry e;
            if (v.isTextual()) {
                e = new PublicationEntry(doi(v.textValue(), pat), null, null, List.of());
            } else if (v.isObject()) {
                e = new PublicationEntry(doi(text(v, pat, "doi", true), pat + ".doi"), text(v, pat, "title", false),
                        year(v, pat), authors(v, pat));
            } else {
                throw new InvalidRecordException(pat, "must be a string (a DOI) or an object with its doi");
            }
            out.putIfAbsent(e.doi(), e);
        }
        return List.copyOf(out.values());
    }

    private static String doi(String value, String at) {
        InputText.problem(value, InputText.MAX_IDENTIFIER).ifPresent(problem -> {
            throw new InvalidRecordException(at, problem);
        });
        return DataCiteMapper.normaliseDoi(value).orElseThrow(() -> new InvalidRecordException(at,
                "must be a DOI: 10.NNNN/suffix, doi:10.NNNN/suffix or https://doi.org/10.NNNN/suffix"));
    }

    private static Integer year(JsonNode publication, String at) {
        JsonNode y = publication.get("year");
        if (y == null || y.isNull()) {
            return null;
        }
        if (!y.isIntegralNumber() || y.asLong() < MIN_YEAR || y.asLong() > MAX_YEAR) {
            throw new InvalidRecordException(at + ".year", "must be a whole number from " + MIN_YEAR + " to " + MAX_YEAR);
        }
        return y.intValue();
    }

    private static List<String> authors(JsonNode publication, String at) {
        JsonNode as = publication.path("authors");
        if (as.isMissingNode() || as.isNull()) {
            return List.of();
        }
        if (!as.isArray()) {
            throw new InvalidRecordException(at + ".authors", "must be an array of names");
        }
        if (as.size() > MAX_AUTHORS) {
            throw new InvalidRecordException(at + ".authors", "has more than " + MAX_AUTHORS + " entries");
        }
        List<String> out = new ArrayList<>();
        for (int a = 0; a < as.size(); a++) {
            String aat = at + ".authors[" + a + "]";
            JsonNode name = as.get(a);
            if (!name.isTextual() || name.textValue().isBlank()) {
                throw new InvalidRecordException(aat, "must be a name (a non-empty string)");
            }
            String value = name.textValue().strip();
            InputText.problem(value, MAX_OTHER_TEXT).ifPresent(problem -> {
                throw new InvalidRecordException(aat, problem);
            });
            out.add(value);
        }
        return List.copyOf(out);
    }

    private static PersonEntry person(JsonNode p, String at) {
        if (!p.isObject()) {
            throw new InvalidRecordException(at, "is required");
        }
        String orcid = text(p, at, "orcid", false);
        if (orcid != null) {
            try {
                orcid = Orcid.normalise(orcid);
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException(at + ".orcid", e.getMessage());
            }
        }
        JsonNode aff = p.path("affiliation");
        AffiliationEntry affiliation = null;
        if (aff.isObject()) {
            String aat = at + ".affiliation";
            affiliation = new AffiliationEntry(text(aff, aat, "name", true), text(aff, aat, "ror", false),
                    text(aff, aat, "country", false));
        }
        return new PersonEntry(orcid, text(p, at, "username", false), text(p, at, "fullName", true),
                text(p, at, "givenName", false), text(p, at, "familyName", false), text(p, at, "email", false), affiliation);
    }

    private static JsonNode list(JsonNode node, String at, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return v;
        }
        if (!v.isArray()) {
            throw new InvalidRecordException(at + "." + field, "must be an array");
        }
        if (v.size() > MAX_ENTRIES) {
            throw new InvalidRecordException(at + "." + field, "has more than " + MAX_ENTRIES + " entries");
        }
        return v;
    }

    private static JsonNode object(JsonNode v, String at) {
        if (!v.isObject()) {
            throw new InvalidRecordException(at, "must be a JSON object");
        }
        return v;
    }

    static String text(JsonNode node, String at, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())) {
            if (required) {
                throw new InvalidRecordException(at + "." + field, "is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidRecordException(at + "." + field, "must be a string");
        }
        String value = v.textValue().strip();
        InputText.problem(value, MAX_LENGTH.getOrDefault(field, MAX_OTHER_TEXT)).ifPresent(problem -> {
            throw new InvalidRecordException(at + "." + field, problem);
        });
        return value;
    }

    private static Instant instant(JsonNode node, String at, String field) {
        String v = text(node, at, field, false);
        Instant parsed;
        try {
            parsed = v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(at + "." + field, "must be an ISO-8601 instant");
        }
        if (parsed != null && !InstantRange.contains(parsed)) {
            throw new InvalidRecordException(at + "." + field, "must be " + InstantRange.DESCRIPTION);
        }
        return parsed;
    }
}
