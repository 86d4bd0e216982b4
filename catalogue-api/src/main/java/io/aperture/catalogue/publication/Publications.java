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
     * The user office reports this publication for a proposal (its DOI kept in {@code proposal.publications}); it reaches
     * the proposal's datasets through the view {@code panosc_document_dataset}, so a dataset ingested later is linked
     * without a write here. Its title, year and authors (V23) replace the stored ones when the report carries any; a
     * report of the bare DOI keeps what an earlier one said.
     */
    public void reported(String doi, String title, Integer year, List<String> authors) {
        em.createNativeQuery("INSERT INTO publication (doi, title, year, authors) VALUES (?1, cast(?2 AS text), cast(?3 AS integer), ?4)"
                        + " ON CONFLICT (doi) DO UPDATE"
                        + " SET title = EXCLUDED.title, year = EXCLUDED.year, authors = EXCLUDED.authors"
                        + " WHERE EXCLUDED.title IS NOT NULL OR EXCLUDED.year IS NOT NULL OR cardinality(EXCLUDED.authors) > 0")
                .setParameter(1, doi).setParameter(2, title).setParameter(3, year)
                .setParameter(4, authors.toArray(String[]::new)).executeUpdate();
    }

    private void known(String doi) {
        // a concurrent first sight of the same DOI waits on the unique index, then finds the row: one row per DOI
        em.createNativeQuery("INSERT INTO publication (doi) VALUES (?1) ON CONFLICT (doi) DO NOTHING").setParameter(1, doi)
                .executeUpdate();
    }

}
