package io.aperture.catalogue.useroffice;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.access.ProposalRoles;
import io.aperture.catalogue.api.DatabaseOutage;
import io.aperture.catalogue.doi.DoiQueue;
import io.aperture.catalogue.ingest.ConcurrencyConflict;
import io.aperture.catalogue.ingest.InvalidRecordException;
import io.aperture.catalogue.ingest.ReferenceData;
import io.aperture.catalogue.model.*;
import io.aperture.catalogue.publication.Publications;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import io.aperture.catalogue.facility.FacilityConfig;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports proposals, visits, people and their roles from the facility's user-office system (docs/api.md#user-office-import).
 * NeXus files rarely name a PI, so this is where proposal roles — and thus embargo rights — come from.
 * Each proposal is read and checked whole ({@link ProposalEntry}) and then stored in its own transaction; the members
 * listed replace the stored ones (the user office is the source of truth).
 */
@ApplicationScoped
public class UserOfficeImport {
    private static final Logger LOG = Logger.getLogger(UserOfficeImport.class);
    /** Tries of one proposal that meets concurrent imports (as ingest's per record). */
    private static final int ATTEMPTS = 3;
    private final EntityManager em;
    private final String defaultFacility;
    private final ProposalRoles roles;
    private final DoiQueue dois;
    private final Clock clock;
    private final Publications publications;
    private final ReferenceData reference;

    UserOfficeImport(EntityManager em, FacilityConfig facility,
                     ProposalRoles roles, DoiQueue dois, Clock clock, Publications publications, ReferenceData reference) {
        this.em = em;
        this.defaultFacility = facility.code();
        this.roles = roles;
        this.dois = dois;
        this.clock = clock;
        this.publications = publications;
        this.reference = reference;
    }

    public record Result(int index, String proposal, String status, String field, String error) {}

    public List<Result> importAll(JsonNode body) {
        if (body == null || !body.path("proposals").isArray()) {
            throw new InvalidRecordException("proposals", "the body must be a JSON object with an array 'proposals'");
        }
        List<InstrumentEntry> instruments = InstrumentEntry.readAll(body); // a bad entry refuses the body, before any write
        if (body.has("instruments") && !body.get("instruments").isNull()) {
            QuarkusTransaction.requiringNew().run(() -> list(instruments));
        }
        List<Result> out = new ArrayList<>();
        int i = 0;
        for (JsonNode p : body.get("proposals")) {
            final int index = i++;
            try {
                ProposalEntry entry = ProposalEntry.read(p, "proposals[" + index + "]");
                String code = stored(entry, "proposals[" + index + "]");
                roles.forgetAll(); // committed: whoever gained or lost a role is seen anew by the next request
                out.add(new Result(index, code, "IMPORTED", null, null));
            } catch (InvalidRecordException e) {
                out.add(new Result(index, code(p), "REJECTED", e.field(), e.getMessage()));
            } catch (RuntimeException e) {
                if (DatabaseOutage.isCause(e) || ConcurrencyConflict.isCause(e)) {
                    // not this proposal's fault (an outage, or conflicts that outlasted the retries): the request
                    // fails and the user office sends it again; a REJECTED proposal would keep members it dropped
                    throw e;
                }
                // this proposal is rolled back and named; the others are still imported
                LOG.errorf(e, "user-office import: proposals[%d] (%s) failed", index, code(p));
                out.add(new Result(index, code(p), "REJECTED", "proposals[" + index + "]", "proposals[" + index
                        + "]: could not be stored (an unexpected error, logged by the server)"));
            }
        }
        return out;
    }

    /**
     * The proposal stored in its own transaction; a concurrent import that got there first (a deadlock, a person or a
     * row created meanwhile) is met by storing it again, as ingest does, not by rejecting it.
     */
    private String stored(ProposalEntry entry, String at) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> store(entry, at));
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !ConcurrencyConflict.isCause(e)) {
                    throw e;
                }
                LOG.debugf("user-office import: %s met a concurrent change, attempt %d", at, attempt);
            }
        }
    }

    private String store(ProposalEntry e, String at) {
        Facility facility = reference.facility(e.facility() == null ? defaultFacility : e.facility());
        Proposal proposal = Proposal.find("facility = ?1 and code = ?2", facility, e.code()).firstResult();
        List<String> citedBefore = proposal == null ? null : citedFacts(proposal);
        if (proposal == null) {
            // registered as a record naming it would register it: the same pid, also when another code reads alike
            proposal = reference.proposal(facility, e.code());
        }
        proposal.title = e.title();
        proposal.summary = e.summary();
        proposal.doi = e.doi();
        proposal.publications = new ArrayList<>(e.publications().stream().map(ProposalEntry.PublicationEntry::doi).toList());
        proposal.docType = e.type() == null ? "proposal" : e.type();
        proposal.updatedAt = clock.instant();
        proposal.persist();
        // PaNOSC Documents of type publication, once a public dataset is theirs
        e.publications().forEach(b -> publications.reported(b.doi(), b.title(), b.year(), b.authors()));

        for (ProposalEntry.VisitEntry v : e.visits()) {
            Visit row = Visit.find("proposal = ?1 and code = ?2", proposal, v.code()).firstResult();
            if (row == null) {
                row = new Visit();
                row.proposal = proposal;
                row.code = v.code();
            }
            row.startDate = v.start();
            row.endDate = v.end();
            row.persist();
        }

        Member.delete("proposal", proposal);
        Map<String, Integer> seen = new HashMap<>();
        for (int m = 0; m < e.members().size(); m++) {
            ProposalEntry.MemberEntry member = e.members().get(m);
            Member row = new Member();
            row.proposal = proposal;
            row.person = person(member.person(), at + ".members[" + m + "].person");
            row.role = member.role();
            Integer earlier = seen.putIfAbsent(row.person.id + "|" + row.role, m);
            if (earlier != null) {
                // one row per person and role (V1): a repeat is the user office's mistake, named, not a failed insert
                throw new InvalidRecordException(at + ".members[" + m + "]", "names the same person in the same role as members["
                        + earlier + "]");
            }
            row.affiliation = row.person.affiliation;
            row.persist();
        }
        if (!citedFacts(proposal).equals(citedBefore)) {
            // a new publication, person or ORCID iD is a metadata change of the proposal's DOIs: DataCite is told
            dois.proposalChanged(proposal.id);
        }
        return e.code();
    }

    /**
     * The facility instrument list: each instrument is registered as a record naming it would register it, and listed
     * (a PaNOSC Instrument with or without public data); an instrument of a facility in the list that the list no
     * longer names is no longer listed (it stays known while public data name it).
     */
    private void list(List<InstrumentEntry> entries) {
        Map<String, List<InstrumentEntry>> byFacility = new LinkedHashMap<>();
        entries.forEach(e -> byFacility.computeIfAbsent(e.facility() == null ? defaultFacility : e.facility(), f -> new ArrayList<>()).add(e));
        byFacility.forEach((code, listed) -> {
            Facility facility = reference.facility(code);
            em.createQuery("update Instrument i set i.listed = false where i.facility = :f and i.name not in (:names)")
                    .setParameter("f", facility).setParameter("names", listed.stream().map(InstrumentEntry::name).toList())
                    .executeUpdate();
            listed.forEach(e -> reference.instrument(facility, e.name(), e.shortName()).listed = true);
        });
    }

    /**
     * What the DataCite records of the proposal's datasets and collections take from the user office — title, DOI,
     * publications, the members with their names, ORCID iDs and affiliations — as text, so a re-import that changes
     * none of it queues no DOI call.
     */
    private static List<String> citedFacts(Proposal p) {
        List<String> out = new ArrayList<>(List.of(String.valueOf(p.title), String.valueOf(p.doi), String.valueOf(p.publications)));
        Member.<Member>list("proposal = ?1 order by role, person.id", p).forEach(m -> out.add(String.join("|",
                String.valueOf(m.role), m.person.fullName, String.valueOf(m.person.givenName), String.valueOf(m.person.familyName),
                String.valueOf(m.person.orcid), m.affiliation == null ? "" : m.affiliation.name + "|" + m.affiliation.ror)));
        return out;
    }

    private Person person(ProposalEntry.PersonEntry p, String at) {
        Person person = null;
        if (p.orcid() != null) {
            person = Person.find("orcid", p.orcid()).firstResult();
        }
        if (p.username() != null) {
            Person byUsername = Person.byUsername(p.username());
            if (person == null) {
                person = byUsername;
            } else if (byUsername != null && byUsername != person) {
                // two people in the catalogue: merging them is the user office's call, not a guess made here
                throw new InvalidRecordException(at + ".username", "belongs to another person than the ORCID iD " + p.orcid());
            }
        }
        if (person == null) {
            person = new Person();
        }
        person.fullName = p.fullName();
        person.givenName = p.givenName();
        person.familyName = p.familyName();
        person.email = p.email();
        if (p.orcid() != null) {
            person.orcid = p.orcid();
        }
        if (p.username() != null) {
            person.username = p.username();
        }
        if (p.affiliation() != null) {
            person.affiliation = affiliation(p.affiliation());
        }
        person.persist();
        return person;
    }

    private Affiliation affiliation(ProposalEntry.AffiliationEntry a) {
        Affiliation row = a.ror() != null ? Affiliation.find("ror", a.ror()).firstResult()
                : Affiliation.find("name = ?1 and ror is null", a.name()).firstResult();
        if (row == null) {
            row = new Affiliation();
            row.ror = a.ror();
        }
        row.name = a.name();
        row.country = a.country();
        row.persist();
        return row;
    }

    private static String code(JsonNode proposal) {
        return proposal.path("code").isTextual() ? proposal.path("code").asText() : null;
    }

    static Map<String, Object> summary(List<Result> results) {
        return Map.of("results", results);
    }
}
