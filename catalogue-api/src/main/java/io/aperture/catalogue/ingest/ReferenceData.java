package io.aperture.catalogue.ingest;

import io.aperture.catalogue.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Find-or-create of the shared rows a record points at. {@code INSERT … ON CONFLICT DO NOTHING} makes two
 * concurrent ingests of records naming the same facility, beamline or proposal end with one row. Almost every
 * record names rows that exist already, so each is looked up first and inserted only when missing: one round trip
 * per reference instead of two.
 */
@ApplicationScoped
class ReferenceData {
    private final EntityManager em;
    private final String ownCode;
    private final String ownName;

    ReferenceData(EntityManager em,
                  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "aperture.facility.code") String ownCode,
                  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "aperture.facility.name") String ownName) {
        this.em = em;
        this.ownCode = ownCode;
        this.ownName = ownName;
    }

    /** The facility row; the catalogue's own facility gets its configured name (others keep their code until named). */
    Facility facility(String code) {
        Facility known = Facility.byCode(code);
        if (known != null) {
            return known;
        }
        em.createNativeQuery("INSERT INTO facility(code, name) VALUES (?1, ?2) ON CONFLICT (code) DO NOTHING")
                .setParameter(1, code).setParameter(2, code.equals(ownCode) ? ownName : code).executeUpdate();
        return Facility.byCode(code);
    }

    Instrument instrument(Facility facility, IncomingRecord.InstrumentRef ref) {
        String name = ref.name();
        Instrument known = Instrument.find("facility = ?1 and name = ?2", facility, name).firstResult();
        if (known != null) {
            return known;
        }
        em.createNativeQuery("""
                        INSERT INTO instrument(facility_id, pid, name, short_name) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, facility.id)
                .setParameter(2, Pids.instrument(facility.code, ref.shortName() != null ? ref.shortName() : name))
                .setParameter(3, name)
                .setParameter(4, ref.shortName())
                .executeUpdate();
        return Instrument.find("facility = ?1 and name = ?2", facility, name).firstResult();
    }

    Proposal proposal(Facility facility, String code) {
        Proposal known = Proposal.find("facility = ?1 and code = ?2", facility, code).firstResult();
        if (known != null) {
            return known;
        }
        em.createNativeQuery("""
                        INSERT INTO proposal(facility_id, code, pid) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, facility.id).setParameter(2, code).setParameter(3, Pids.proposal(facility.code, code))
                .executeUpdate();
        return Proposal.find("facility = ?1 and code = ?2", facility, code).firstResult();
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

    Technique technique(IncomingRecord.TechniqueRef ref) {
        Technique known = Technique.find("iri", ref.iri()).firstResult();
        if (known != null) {
            return known;
        }
        em.createNativeQuery("INSERT INTO technique(iri, label) VALUES (?1, ?2) ON CONFLICT (iri) DO NOTHING")
                .setParameter(1, ref.iri()).setParameter(2, ref.label()).executeUpdate();
        return Technique.find("iri", ref.iri()).firstResult();
    }

    Sample sample(Facility facility, IncomingRecord.SampleRef ref) {
        // Samples named alike in different records are different physical samples unless the user office says
        // otherwise; the pid keys them by facility, name and formula so re-ingest does not multiply them.
        String pid = Pids.sample(facility.code, ref.name(), ref.chemicalFormula());
        Sample known = Sample.find("pid", pid).firstResult();
        if (known != null) {
            return known;
        }
        em.createNativeQuery("""
                        INSERT INTO sample(pid, name, chemical_formula, description) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (pid) DO NOTHING""")
                .setParameter(1, pid).setParameter(2, ref.name()).setParameter(3, ref.chemicalFormula())
                .setParameter(4, ref.description()).executeUpdate();
        return Sample.find("pid", pid).firstResult();
    }
}
