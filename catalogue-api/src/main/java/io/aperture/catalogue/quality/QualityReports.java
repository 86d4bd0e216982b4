package io.aperture.catalogue.quality;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the staff {@link QualityReport} with three aggregate queries over the stored quality (groups, frequent
 * findings, months): the database counts, nothing loads a dataset. Covers every dataset, embargoed ones included, so
 * it is served to callers the policy lets review quality only ({@code QualityReportResource}).
 */
@ApplicationScoped
public class QualityReports {
    /** Frequent findings listed per group, and example files per finding. */
    static final int TOP_FINDINGS = 10;
    static final int EXAMPLES = 3;
    /** Groups listed at most (the largest first). */
    static final int MAX_GROUPS = 500;

    private final EntityManager em;

    QualityReports(EntityManager em) {
        this.em = em;
    }

    public QualityReport report(Grouping by, Map<Grouping, String> filters) {
        List<Object> params = new ArrayList<>();
        String where = where(filters, params);
        String from = " FROM dataset d JOIN dataset_quality q ON q.dataset_id = d.id"
                + " LEFT JOIN instrument i ON i.id = d.instrument_id" + where;

        StringBuilder bands = new StringBuilder();
        List<Integer> lows = QualityReport.FAIR_BANDS;
        for (int b = 0; b < lows.size(); b++) {
            bands.append(", count(*) FILTER (WHERE q.fair_score >= ").append(lows.get(b));
            if (b + 1 < lows.size()) {
                bands.append(" AND q.fair_score < ").append(lows.get(b + 1));
            }
            bands.append(')');
        }
        List<Object[]> groupRows = rows("SELECT " + by.sql() + " AS k, count(*), count(*) FILTER (WHERE q.checked),"
                + " count(*) FILTER (WHERE q.checked AND q.errors = 0), avg(q.fair_score)" + bands
                + from + " GROUP BY k ORDER BY count(*) DESC, k LIMIT " + MAX_GROUPS, params);
        List<QualityReport.Group> groups = groupRows.stream().map(r -> {
            List<Long> counts = Arrays.stream(r, 5, r.length).map(QualityReports::number).toList();
            long checked = number(r[2]);
            long conforming = number(r[3]);
            return new QualityReport.Group((String) r[0], number(r[1]), checked, conforming,
                    checked == 0 ? null : (double) conforming / checked, mean(r[4]), counts);
        }).toList();

        List<Object[]> findingRows = rows("SELECT k, level, rule, n, datasets, examples FROM ("
                + " SELECT " + by.sql() + " AS k, f.level, f.rule, count(*) AS n, count(DISTINCT d.id) AS datasets,"
                + " (array_agg(DISTINCT d.source_path ORDER BY d.source_path))[1:" + EXAMPLES + "] AS examples,"
                + " row_number() OVER (PARTITION BY " + by.sql() + " ORDER BY count(DISTINCT d.id) DESC, count(*) DESC,"
                + " f.level, f.rule) AS place"
                + " FROM dataset d JOIN dataset_quality q ON q.dataset_id = d.id"
                + " JOIN dataset_finding f ON f.dataset_id = d.id LEFT JOIN instrument i ON i.id = d.instrument_id" + where
                + " GROUP BY k, f.level, f.rule) ranked WHERE place <= " + TOP_FINDINGS + " ORDER BY k, place", params);
        List<QualityReport.FrequentFinding> findings = findingRows.stream().map(r -> new QualityReport.FrequentFinding(
                (String) r[0], (String) r[1], (String) r[2], number(r[3]), number(r[4]), texts(r[5]))).toList();

        List<Object[]> monthRows = rows("SELECT to_char(d.produced_at AT TIME ZONE 'UTC', 'YYYY-MM') AS m, count(*),"
                + " count(*) FILTER (WHERE q.checked), count(*) FILTER (WHERE q.checked AND q.errors = 0),"
                + " avg(q.fair_score)" + from + " GROUP BY m ORDER BY m", params);
        List<QualityReport.Month> trend = monthRows.stream().map(r -> new QualityReport.Month((String) r[0],
                number(r[1]), number(r[2]), number(r[3]), mean(r[4]))).toList();

        Map<String, String> applied = new LinkedHashMap<>();
        filters.forEach((g, v) -> applied.put(g.key(), v));
        return new QualityReport(by.key(), applied, groups, findings, trend);
    }

    /** One condition per filter, each the grouping's own expression, so that a filter selects exactly one group. */
    private static String where(Map<Grouping, String> filters, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE true");
        filters.forEach((g, v) -> {
            params.add(v);
            where.append(" AND ").append(g.sql()).append(" = ?").append(params.size());
        });
        return where.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Object> params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q.getResultList();
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    private static Double mean(Object o) {
        return o == null ? null : Math.round(((Number) o).doubleValue() * 10) / 10.0;
    }

    private static List<String> texts(Object o) {
        if (o instanceof Array a) {
            try {
                return texts(a.getArray());
            } catch (SQLException e) {
                throw new IllegalStateException("unreadable text array", e);
            }
        }
        if (o instanceof String[] a) {
            return List.of(a);
        }
        if (o instanceof Object[] a) {
            return Arrays.stream(a).map(String::valueOf).toList();
        }
        throw new IllegalStateException("not a text array: " + o);
    }
}
