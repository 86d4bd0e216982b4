package io.aperture.catalogue.useroffice;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.access.ProposalRoles;
import io.aperture.catalogue.ingest.InvalidRecordException;
import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.input.Orcid;
import io.aperture.catalogue.input.InstantRange;
import io.aperture.catalogue.ingest.Pids;
import io.aperture.catalogue.model.*;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.aperture.catalogue.facility.FacilityConfig;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports proposals, visits, people and their roles from the facility's user-office system (docs/api.md#user-office-import).
 * NeXus files rarely name a PI, so this is where proposal roles — and thus embargo rights — come from.
 * Each proposal is its own transaction; the members listed replace the stored ones (the user office is the source of truth).
 */
@ApplicationScoped
public class UserOfficeImport {
    /** The longest value of each text field; fields not named here hold names and short texts. */
    private static final Map<String, Integer> MAX_LENGTH = Map.of(
            "code", InputText.MAX_IDENTIFIER, "facility", InputText.MAX_IDENTIFIER, "doi", InputText.MAX_IDENTIFIER,
            "orcid", InputText.MAX_IDENTIFIER, "username", InputText.MAX_IDENTIFIER, "ror", InputText.MAX_IDENTIFIER,
            "email", 320, "title", 2_000, "summary", 20_000);
    private static final int MAX_OTHER_TEXT = 500;
    private final EntityManager em;
    private final String defaultFacility;
    private final ProposalRoles roles;
    private final Clock clock;

    UserOfficeImport(EntityManager em, FacilityConfig facility,
                     ProposalRoles roles, Clock clock) {
        this.em = em;
        this.defaultFacility = facility.code();
        this.roles = roles;
        this.clock = clock;
    }

    public record Result(int index, String proposal, String status, String field, String error) {}

    public List<Result> importAll(JsonNode body) {
        if (body == null || !body.path("proposals").isArray()) {
            throw new InvalidRecordException("proposals", "the body must be a JSON object with an array 'proposals'");
        }
        List<Result> out = new ArrayList<>();
        int i = 0;
        for (JsonNode p : body.get("proposals")) {
            final int index = i++;
            String at = "proposals[" + index + "]";
            try {
                String code = QuarkusTransaction.requiringNew().call(() -> importProposal(at, p));
                roles.forgetAll(); // committed: whoever gained or lost a role is seen anew by the next request
                out.add(new Result(index, code, "IMPORTED", null, null));
            } catch (InvalidRecordException e) {
                out.add(new Result(index, p.path("code").asText(null), "REJECTED", e.field(), e.getMessage()));
            }
        }
        return out;
    }

    private String importProposal(String at, JsonNode p) {
        String code = text(p, at, "code", true);
        String facilityCode = text(p, at, "facility", false);
        Facility facility = facility(facilityCode == null ? defaultFacility : facilityCode);
        Proposal proposal = Proposal.find("facility = ?1 and code = ?2", facility, code).firstResult();
        if (proposal == null) {
            proposal = new Proposal();
            proposal.facility = facility;
            proposal.code = code;
            proposal.pid = Pids.proposal(facility.code, code);
        }
        proposal.title = text(p, at, "title", false);
        proposal.summary = text(p, at, "summary", false);
        proposal.doi = text(p, at, "doi", false);
        String type = text(p, at, "type", false);
        proposal.docType = type == null ? "proposal" : type;
        proposal.updatedAt = clock.instant();
        proposal.persist();

        for (int v = 0; v < p.path("visits").size(); v++) {
            JsonNode visit = p.path("visits").get(v);
            String vat = at + ".visits[" + v + "]";
            String vcode = text(visit, vat, "code", true);
            Visit row = Visit.find("proposal = ?1 and code = ?2", proposal, vcode).firstResult();
            if (row == null) {
                row = new Visit();
                row.proposal = proposal;
                row.code = vcode;
            }
            row.startDate = instant(visit, vat, "start");
            row.endDate = instant(visit, vat, "end");
            row.persist();
        }

        Member.delete("proposal", proposal);
        for (int m = 0; m < p.path("members").size(); m++) {
            JsonNode member = p.path("members").get(m);
            String mat = at + ".members[" + m + "]";
            MemberRole role;
            try {
                role = MemberRole.valueOf(text(member, mat, "role", true));
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException(mat + ".role", "must be PI, ALTERNATE_CONTACT or TEAM_MEMBER");
            }
            Member row = new Member();
            row.proposal = proposal;
            row.person = person(member.path("person"), mat + ".person");
            row.role = role;
            row.affiliation = row.person.affiliation;
            row.persist();
        }
        return code;
    }

    private Person person(JsonNode p, String at) {
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
        String username = text(p, at, "username", false);
        Person person = null;
        if (orcid != null) {
            person = Person.find("orcid", orcid).firstResult();
        }
        if (username != null) {
            Person byUsername = Person.byUsername(username);
            if (person == null) {
                person = byUsername;
            } else if (byUsername != null && byUsername != person) {
                // two people in the catalogue: merging them is the user office's call, not a guess made here
                throw new InvalidRecordException(at + ".username", "belongs to another person than the ORCID iD " + orcid);
            }
        }
        if (person == null) {
            person = new Person();
        }
        person.fullName = text(p, at, "fullName", true);
        person.givenName = text(p, at, "givenName", false);
        person.familyName = text(p, at, "familyName", false);
        person.email = text(p, at, "email", false);
        if (orcid != null) {
            person.orcid = orcid;
        }
        if (username != null) {
            person.username = username;
        }
        JsonNode aff = p.path("affiliation");
        if (aff.isObject()) {
            person.affiliation = affiliation(aff, at + ".affiliation");
        }
        person.persist();
        return person;
    }

    private Affiliation affiliation(JsonNode a, String at) {
        String name = text(a, at, "name", true);
        String ror = text(a, at, "ror", false);
        Affiliation row = ror != null ? Affiliation.find("ror", ror).firstResult() : Affiliation.find("name = ?1 and ror is null", name).firstResult();
        if (row == null) {
            row = new Affiliation();
            row.ror = ror;
        }
        row.name = name;
        row.country = text(a, at, "country", false);
        row.persist();
        return row;
    }

    private Facility facility(String code) {
        em.createNativeQuery("INSERT INTO facility(code, name) VALUES (?1, ?1) ON CONFLICT (code) DO NOTHING")
                .setParameter(1, code).executeUpdate();
        return Facility.byCode(code);
    }

    private static String text(JsonNode node, String at, String field, boolean required) {
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

    static Map<String, Object> summary(List<Result> results) {
        return Map.of("results", results);
    }
}
