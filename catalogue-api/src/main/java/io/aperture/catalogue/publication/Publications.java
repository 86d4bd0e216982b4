package io.aperture.catalogue.publication;

import io.aperture.catalogue.datacite.DataCiteMapper;
import io.aperture.record.Citation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the publication rows (V21) in step with what the catalogue is told: the DOIs a record's NXcite citations name,
 * linked to the citing dataset, and the DOIs the user office reports for a proposal. One row per distinct DOI, in its
 * bare form; whether a publication is served at all is decided when it is read (a public dataset must cite it).
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class Publications {
    private final EntityManager em;

    Publications(EntityManager em) {
        this.em = em;
    }

    /** The distinct DOIs of NXcite citations, bare; a citation without a readable DOI (a URL only) names none. */
    public static Set<String> dois(List<Citation> citations) {
        Set<String> out = new LinkedHashSet<>();
        for (Citation c : citations) {
            DataCiteMapper.normaliseDoi(c.doi()).ifPresent(out::add);
        }
        return out;
    }

    /** The dataset now cites exactly these DOIs (its earlier links are replaced). */
    public void cited(long datasetId, Collection<String> dois) {
        em.createNativeQuery("DELETE FROM publication_dataset WHERE dataset_id = ?1").setParameter(1, datasetId).executeUpdate();
        for (String doi : dois) {
            known(doi);
            em.createNativeQuery("INSERT INTO publication_dataset (publication_id, dataset_id) SELECT id, ?2 FROM publication"
                    + " WHERE doi = ?1 ON CONFLICT DO NOTHING").setParameter(1, doi).setParameter(2, datasetId).executeUpdate();
        }
    }

    /**
     * The user office reports these DOIs for a proposal (kept in {@code proposal.publications}); they reach its datasets
     * through the view {@code panosc_document_dataset}, so a dataset ingested later is linked without a write here.
     */
    public void reported(Collection<String> dois) {
        dois.forEach(this::known);
    }

    private void known(String doi) {
        // a concurrent first sight of the same DOI waits on the unique index, then finds the row: one row per DOI
        em.createNativeQuery("INSERT INTO publication (doi) VALUES (?1) ON CONFLICT (doi) DO NOTHING").setParameter(1, doi)
                .executeUpdate();
    }

}
