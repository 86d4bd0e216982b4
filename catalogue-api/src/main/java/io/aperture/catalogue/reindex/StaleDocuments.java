package io.aperture.catalogue.reindex;

import com.google.gson.JsonObject;
import io.aperture.catalogue.model.Dataset;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jboss.logging.Logger;

import java.util.*;

/**
 * Removes index documents whose dataset no longer exists in PostgreSQL — what a rebuild without purging leaves
 * behind (a delete lost with a cluster, an index restored from an old snapshot). Walks every document id with a
 * scroll, asks PostgreSQL which of each chunk still exist, and purges the others.
 * <p>Safe while the outbox writes: a document can only be in the index once its dataset was committed, so an id
 * absent from the database at the time of the check belongs to a deleted dataset.
 */
@ApplicationScoped
public class StaleDocuments {
    private static final Logger LOG = Logger.getLogger(StaleDocuments.class);
    private static final int CHUNK = 1000;

    /** Documents removed, and documents whose id is not a number (not written by Hibernate Search; left alone). */
    public record Outcome(long removed, long foreign) {}

    private final EntityManager em;
    private final SearchSession search;

    StaleDocuments(EntityManager em, SearchSession search) {
        this.em = em;
        this.search = search;
    }

    public Outcome remove() {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            long removed = 0;
            long foreign = 0;
            try (SearchScroll<JsonObject> scroll = search.search(Dataset.class)
                    .extension(ElasticsearchExtension.get())
                    .select(f -> f.jsonHit())
                    .where(f -> f.matchAll())
                    .requestTransformer(ctx -> ctx.body().addProperty("_source", false))
                    .scroll(CHUNK)) {
                for (SearchScrollResult<JsonObject> chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
                    List<Long> ids = new ArrayList<>();
                    for (JsonObject hit : chunk.hits()) {
                        try {
                            ids.add(Long.valueOf(hit.get("_id").getAsString()));
                        } catch (NumberFormatException e) {
                            foreign++;
                        }
                    }
                    removed += purgeMissing(ids);
                }
            }
            if (foreign > 0) {
                LOG.warnf("search index holds %d document(s) whose id is not a dataset id; not written by Aperture, left alone", foreign);
            }
            return new Outcome(removed, foreign);
        });
    }

    private int purgeMissing(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Number> present = em.createNativeQuery("SELECT id FROM dataset WHERE id = ANY(?1)")
                .setParameter(1, ids.toArray(Long[]::new)).getResultList();
        Set<Long> missing = new HashSet<>(ids);
        present.forEach(n -> missing.remove(n.longValue()));
        if (missing.isEmpty()) {
            return 0;
        }
        var plan = search.indexingPlan();
        missing.forEach(id -> plan.purge(Dataset.class, id, null));
        plan.execute();
        LOG.infof("removed %d index document(s) of datasets no longer in the database", missing.size());
        return missing.size();
    }
}
