package io.aperture.catalogue.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.aperture.policy.embargo.EmbargoStatus;
import org.hibernate.search.backend.elasticsearch.search.projection.dsl.ElasticsearchSearchProjectionFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;

import java.time.Instant;
import java.util.List;

/**
 * What a hit shows, read from the index itself (field projections, the highlight and the raw hit for its score and
 * sort values): a page costs no database query whatever its size. The composite is a list; the positions are named
 * here and nowhere else.
 */
final class HitProjection {
    private static final int PID = 0, TITLE = 1, KIND = 2, INSTRUMENT = 3, TECHNIQUES = 4, SAMPLE = 5, PRODUCED = 6,
            ACCESS = 7, EMBARGO_END = 8, LICENCE = 9, DOI = 10, RAW_HIT = 11, HIGHLIGHT = 12;

    private HitProjection() {
    }

    static ProjectionFinalStep<List<?>> of(ElasticsearchSearchProjectionFactory<?, ?, ?> f) {
        return f.composite().from(
                f.field("pid", String.class), f.field("title", String.class), f.field("kind", String.class),
                f.field("instrument.name", String.class), f.field("techniques.label", String.class).list(),
                f.field("sample.name", String.class), f.field("producedAt", Instant.class),
                f.field("accessState", EmbargoStatus.class), f.field("embargoEnd", Instant.class),
                f.field("license", String.class), f.field("doi", String.class),
                f.jsonHit(), f.highlight("title")).asList();
    }

    /** The hit a projected row shows; the embargo end only while the record is under embargo. */
    @SuppressWarnings("unchecked")
    static SearchResult.Hit hit(List<?> row) {
        JsonObject raw = (JsonObject) row.get(RAW_HIT);
        List<String> highlights = (List<String>) row.get(HIGHLIGHT);
        EmbargoStatus state = (EmbargoStatus) row.get(ACCESS);
        double score = score(raw);
        return new SearchResult.Hit((String) row.get(PID), (String) row.get(TITLE), highlights.isEmpty() ? null : highlights,
                (String) row.get(KIND), (String) row.get(INSTRUMENT), (List<String>) row.get(TECHNIQUES),
                (String) row.get(SAMPLE), (Instant) row.get(PRODUCED), state.name(),
                state.underEmbargo() ? (Instant) row.get(EMBARGO_END) : null,
                (String) row.get(LICENCE), (String) row.get(DOI), score);
    }

    /** The engine's relevance of a raw hit; 0 when it computed none (no text query). */
    static double score(JsonObject raw) {
        return raw.has("_score") && !raw.get("_score").isJsonNull() ? raw.get("_score").getAsDouble() : 0;
    }

    /** The engine's sort values of a projected row: the next page's cursor when it is the page's last. */
    static JsonArray sortValues(List<?> row) {
        JsonObject raw = (JsonObject) row.get(RAW_HIT);
        return raw.has("sort") ? raw.getAsJsonArray("sort") : null;
    }
}
