package io.aperture.catalogue.archive;

import io.aperture.policy.workflow.Candidates;
import io.aperture.policy.workflow.EmbargoWorkflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the archive holds, for the staff dashboard: every figure is one SQL aggregation over all datasets, hidden ones
 * included (the dashboard is for staff only). Months and years are UTC. The forecast's selection (which embargoes end
 * in the next twelve months) is the policy's ({@link EmbargoWorkflow#releaseForecast}).
 */
@ApplicationScoped
public class ArchiveStatistics {
    /** Groups the breakdowns list, the largest first. */
    static final int TOP = 15;
    /** Datasets no one can extend or release, listed by name. */
    static final int UNOWNED_LISTED = 20;

    private final EntityManager em;
    private final EmbargoWorkflow workflow;
    private final Clock clock;

    ArchiveStatistics(EntityManager em, EmbargoWorkflow workflow, Clock clock) {
        this.em = em;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** One group: its label, how many datasets and how many bytes they hold. */
    public record Group(String label, long datasets, long bytes) {}

    /** A dataset no one can extend or release, and why: it has no proposal, or its proposal has no PI. */
    public record Unowned(String pid, String title, String why) {}

    public record Summary(long datasets, long bytes, List<Group> byYear, List<Group> byInstrument, List<Group> byTechnique,
                          List<Group> releasedByMonth, List<Group> forecastByMonth, long withoutProposal, long withoutPi,
                          List<Unowned> unowned) {}

    @Transactional
    public Summary summary() {
        Instant now = clock.instant();
        Object[] totals = (Object[]) em.createNativeQuery("SELECT count(*), coalesce(sum(size_bytes), 0) FROM dataset")
                .getSingleResult();
        List<Group> byYear = groups(em.createNativeQuery("""
                SELECT to_char(produced_at AT TIME ZONE 'UTC', 'YYYY'), count(*), coalesce(sum(size_bytes), 0)
                FROM dataset GROUP BY 1 ORDER BY 1"""));
        List<Group> byInstrument = groups(em.createNativeQuery("""
                SELECT coalesce(i.name, '(no instrument)'), count(*), coalesce(sum(d.size_bytes), 0)
                FROM dataset d LEFT JOIN instrument i ON i.id = d.instrument_id
                GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?1""").setParameter(1, TOP));
        List<Group> byTechnique = groups(em.createNativeQuery("""
                SELECT t.label, count(*), coalesce(sum(d.size_bytes), 0)
                FROM dataset d JOIN dataset_technique dt ON dt.dataset_id = d.id JOIN technique t ON t.id = dt.technique_id
                GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?1""").setParameter(1, TOP));
        // the current month and the eleven before it
        List<Group> released = groups(em.createNativeQuery("""
                SELECT to_char(released_at AT TIME ZONE 'UTC', 'YYYY-MM'), count(*), coalesce(sum(size_bytes), 0)
                FROM dataset
                WHERE released_at >= date_trunc('month', ?1 AT TIME ZONE 'UTC') - interval '11 months'
                  AND released_at <= ?1
                GROUP BY 1 ORDER BY 1""").setParameter(1, utc(now)));
        Candidates forecast = workflow.releaseForecast(now);
        List<Group> ahead = groups(em.createNativeQuery("""
                SELECT to_char(embargo_end AT TIME ZONE 'UTC', 'YYYY-MM'), count(*), coalesce(sum(size_bytes), 0)
                FROM dataset WHERE access_state = ?1 AND embargo_end > ?2 AND embargo_end <= ?3
                GROUP BY 1 ORDER BY 1""")
                .setParameter(1, forecast.status().name())
                .setParameter(2, utc(forecast.endAfter().orElse(now)))
                .setParameter(3, utc(forecast.endAtOrBefore())));
        long withoutProposal = count("SELECT count(*) FROM dataset WHERE proposal_id IS NULL");
        long withoutPi = count("""
                SELECT count(*) FROM dataset d WHERE d.proposal_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM member m WHERE m.proposal_id = d.proposal_id AND m.role = 'PI')""");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT d.pid, d.title, CASE WHEN d.proposal_id IS NULL THEN 'no proposal' ELSE 'no PI' END
                FROM dataset d WHERE d.proposal_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM member m WHERE m.proposal_id = d.proposal_id AND m.role = 'PI')
                ORDER BY d.produced_at DESC, d.pid LIMIT ?1""").setParameter(1, UNOWNED_LISTED).getResultList();
        List<Unowned> unowned = rows.stream().map(r -> new Unowned((String) r[0], (String) r[1], (String) r[2])).toList();
        return new Summary(((Number) totals[0]).longValue(), ((Number) totals[1]).longValue(), byYear, byInstrument,
                byTechnique, released, ahead, withoutProposal, withoutPi, unowned);
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Group> groups(Query q) {
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Group((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue())).toList();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
