package io.aperture.catalogue.datacite;

import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.DatasetDerivation;
import io.aperture.catalogue.model.DoiCollection;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the DataCite mapping reads of a dataset beyond its row: the stored record (a lazily fetched column), the
 * datasets derived from it and the DOI collections of its visit and proposal. One dataset's export reads them one by
 * one; a page of exports (OAI-PMH) reads them for the whole page in three statements, not three per record.
 */
public record DatasetExtras(Function<Dataset, String> storedRecord, Function<Dataset, List<DatasetDerivation>> derivedBy,
                            Function<Dataset, List<DoiCollection>> collections) {

    /** For one dataset: each part read when the mapping asks for it. */
    public static final DatasetExtras ONE_BY_ONE = new DatasetExtras(d -> d.record,
            d -> DatasetDerivation.list("sourceDataset = ?1 order by id", d), DoiCollection::of);

    /** For a page of datasets: every part read now, for all of them. */
    public static DatasetExtras forPage(EntityManager em, List<Dataset> page) {
        if (page.isEmpty()) {
            return ONE_BY_ONE;
        }
        List<Long> ids = page.stream().map(d -> d.id).toList();
        Map<Long, String> records = new HashMap<>();
        em.createQuery("select d.id, d.record from Dataset d where d.id in :ids", Object[].class).setParameter("ids", ids)
                .getResultList().forEach(r -> records.put((Long) r[0], (String) r[1]));
        Map<Long, List<DatasetDerivation>> derived = new HashMap<>();
        em.createQuery("select dd from DatasetDerivation dd join fetch dd.dataset where dd.sourceDataset.id in :ids order by dd.id",
                        DatasetDerivation.class).setParameter("ids", ids).getResultList()
                .forEach(dd -> derived.computeIfAbsent(dd.sourceDataset.id, k -> new ArrayList<>()).add(dd));
        Map<Long, List<DoiCollection>> collections = DoiCollection.ofEach(page);
        return new DatasetExtras(d -> records.containsKey(d.id) ? records.get(d.id) : d.record,
                d -> derived.getOrDefault(d.id, List.of()), d -> collections.getOrDefault(d.id, List.of()));
    }
}
