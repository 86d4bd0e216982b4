package io.aperture.catalogue.ingest;

import io.aperture.catalogue.facility.FacilityConfig;
import io.aperture.catalogue.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Find-or-create of the shared rows a record points at. {@code INSERT … ON CONFLICT DO NOTHING} makes two
 * concurrent ingests of records naming the same facility, beamline or proposal end with one row. Almost every
 * record names rows that exist already, so {@link #resolve} looks all of them up in one statement and only what is
 * missing takes the find-or-create path.
 */
@ApplicationScoped
public class ReferenceData {
    private final EntityManager em;
    private final String ownCode;
    private final String ownName;

    ReferenceData(EntityManager em, FacilityConfig facility) {
        this.em = em;
        this.ownCode = facility.code();
        this.ownName = facility.name();
    }

    /**
     * A record's shared rows. Facility, instrument, sample and techniques are only pointed at, so they are references
     * (no row loaded); the proposal and visit are loaded, because the embargo engine reads their codes and pids.
     */
    record Resolved(Facility facility, Instrument instrument, Sample sample, Proposal proposal, Visit visit,
                    List<Long> techniqueIds) {}

    private static final String LOOKUP = """
            SELECT f.id,
                   (SELECT i.id FROM instrument i WHERE i.facility_id = f.id AND i.name = ?),
                   p.id,
                   (SELECT v.id FROM visit v WHERE v.proposal_id = p.id AND v.code = ?),
                   (SELECT s.id FROM sample s WHERE s.pid = ?),
                   t.iris, t.ids
            FROM facility f LEFT JOIN proposal p ON p.facility_id = f.id AND p.code = ?
            CROSS JOIN (SELECT array_agg(iri) AS iris, array_agg(id) AS ids FROM technique WHERE iri = ANY (?)) t
            WHERE f.code = ?""";

    /**
     * All shared rows of a record: one statement finds those that exist (almost always all of them), and only the
     * missing ones take the find-or-create path; then one more loads the visit with its proposal.
     */
    Resolved resolve(IncomingRecord r) {
        String code = r.facility();
        String instrumentName = r.instrumentName().orElse(null);
        String samplePid = r.sample().map(s -> Pids.sample(code, s.name(), s.chemicalFormula())).orElse(null);
        String proposalCode = r.proposal().orElse(null);
        String visitCode = proposalCode == null ? null : r.visit().orElse(null);
        String[] iris = r.techniques().stream().map(t -> t.iri()).toArray(String[]::new);
        Object[] row = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(LOOKUP)) {
                ps.setString(1, instrumentName);
                ps.setString(2, visitCode);
                ps.setString(3, samplePid);
                ps.setString(4, proposalCode);
                ps.setArray(5, c.createArrayOf("text", iris));
                ps.setString(6, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Object[7];
                    }
                    java.sql.Array foundIris = rs.getArray(6);
                    java.sql.Array foundIds = rs.getArray(7);
                    return new Object[]{rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4),
                            rs.getObject(5), foundIris == null ? null : foundIris.getArray(),
                            foundIds == null ? null : foundIds.getArray()};
                }
            }
        });
        Facility facility = row[0] != null ? em.getReference(Facility.class, row[0]) : facility(code);
        Instrument instrument = r.instrument().map(ref -> row[1] != null ? em.getReference(Instrument.class, row[1])
                : instrument(facility, instrumentName, ref.shortName())).orElse(null);
        Sample sample = r.sample().map(ref -> row[4] != null ? em.getReference(Sample.class, row[4])
                : sample(facility, ref.name(), ref.chemicalFormula(), ref.description())).orElse(null);
        Visit visit = null;
        Proposal proposal = null;
        if (row[3] != null) {
            visit = em.createQuery("select v from Visit v join fetch v.proposal where v.id = ?1", Visit.class)
                    .setParameter(1, row[3]).getSingleResult();
            proposal = visit.proposal;
        } else if (proposalCode != null) {
            proposal = row[2] != null ? em.find(Proposal.class, row[2]) : proposal(facility, proposalCode);
            visit = visitCode == null ? null : visit(proposal, visitCode);
        }
        Map<String, Long> techniqueIds = new HashMap<>();
        if (row[5] != null) {
            String[] foundIris = (String[]) row[5];
            Long[] foundIds = (Long[]) row[6];
            for (int i = 0; i < foundIris.length; i++) {
                techniqueIds.put(foundIris[i], foundIds[i]);
            }
        }
        List<Long> techniques = r.techniques().stream()
                .map(t -> techniqueIds.computeIfAbsent(t.iri(), iri -> technique(iri, t.label()).id)).toList();
        return new Resolved(facility, instrument, sample, proposal, visit, techniques);
    }

    /** The facility row; the catalogue's own facility gets its configured name (others keep their code until named). */
    public Facility facility(String code) {
        Facility known = Facility.byCode(code);
        if (known != null) {
            return known;
        }
        em.createNativeQuery("INSERT INTO facility(code, name) VALUES (?1, ?2) ON CONFLICT (code) DO NOTHING")
                .setParameter(1, code).setParameter(2, code.equals(ownCode) ? ownName : code).executeUpdate();
        return Facility.byCode(code);
    }

    /** The instrument row of that name, registered (pid from the short name, else the name) when first seen. */
    public Instrument instrument(Facility facility, String name, String shortName) {
        Instrument known = Instrument.find("facility = ?1 and name = ?2", facility, name).firstResult();
        if (known != null) {
            return known;
        }
        String readable = Pids.instrument(facility.code, shortName != null ? shortName : name);
        return registered(readable, Pids.distinct(readable, facility.code, name), "instrument " + name + " of " + facility.code,
                pid -> em.createNativeQuery("""
                                INSERT INTO instrument(facility_id, pid, name, short_name) VALUES (?1, ?2, ?3, ?4)
                                ON CONFLICT DO NOTHING""")
                        .setParameter(1, facility.id).setParameter(2, pid).setParameter(3, name).setParameter(4, shortName)
                        .executeUpdate(),
                () -> Instrument.<Instrument>find("facility = ?1 and name = ?2", facility, name).firstResult());
    }

    /** The proposal row of that code, registered when first seen; see {@link #instrument} for a pid another row holds. */
    public Proposal proposal(Facility facility, String code) {
        Proposal known = Proposal.find("facility = ?1 and code = ?2", facility, code).firstResult();
        if (known != null) {
            return known;
        }
        String readable = Pids.proposal(facility.code, code);
        return registered(readable, Pids.distinct(readable, facility.code, code), "proposal " + code + " of " + facility.code,
                pid -> em.createNativeQuery("""
                                INSERT INTO proposal(facility_id, code, pid) VALUES (?1, ?2, ?3)
                                ON CONFLICT DO NOTHING""")
                        .setParameter(1, facility.id).setParameter(2, code).setParameter(3, pid)
                        .executeUpdate(),
                () -> Proposal.<Proposal>find("facility = ?1 and code = ?2", facility, code).firstResult());
    }

    /**
     * A row inserted with its readable pid, or, when another row holds that pid, with {@code distinct}: after each
     * insert (which does nothing on any conflict) the row is looked up by what names it, so a row a concurrent ingest
     * inserted meanwhile is found too, and only a row still missing means the pid was taken.
     */
    private static <T> T registered(String readable, String distinct, String what, Consumer<String> insert, Supplier<T> find) {
        for (String pid : List.of(readable, distinct)) {
            insert.accept(pid);
            T made = find.get();
            if (made != null) {
                return made;
            }
        }
        throw new IllegalStateException("no free pid for " + what);
    }

    Visit visit(Proposal proposal, String code) {
        Visit known = Visit.find("proposal = ?1 and code = ?2", proposal, code).firstResult();
        if (known != null) {
            return known;
        }
        em.createNativeQuery("INSERT INTO visit(proposal_id, code) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, proposal.id).setParameter(2, code).executeUpdate();
        return Visit.find("proposal = ?1 and code = ?2", proposal, code).firstResult();
    }

    Technique technique(String iri, String label) {
        Technique known = Technique.find("iri", iri).firstResult();
        if (known != null) {
            return known;
        }
        em.createNativeQuery("INSERT INTO technique(iri, label) VALUES (?1, ?2) ON CONFLICT (iri) DO NOTHING")
                .setParameter(1, iri).setParameter(2, label).executeUpdate();
        return Technique.find("iri", iri).firstResult();
    }

    Sample sample(Facility facility, String name, String chemicalFormula, String description) {
        // Samples named alike in different records are different physical samples unless the user office says
        // otherwise; the pid keys them by facility, name and formula so re-ingest does not multiply them.
        String pid = Pids.sample(facility.code, name, chemicalFormula);
        Sample known = Sample.find("pid", pid).firstResult();
        if (known != null) {
            return known;
        }
        em.createNativeQuery("""
                        INSERT INTO sample(pid, name, chemical_formula, description) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (pid) DO NOTHING""")
                .setParameter(1, pid).setParameter(2, name).setParameter(3, chemicalFormula)
                .setParameter(4, description).executeUpdate();
        return Sample.find("pid", pid).firstResult();
    }
}
