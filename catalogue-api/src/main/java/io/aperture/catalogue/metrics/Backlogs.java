package io.aperture.catalogue.metrics;

import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The work queued in PostgreSQL for later: the search outbox (changes not yet in the index), the DOI outbox (calls
 * DataCite has not yet accepted, and those it refused) and the notice outbox (e-mails not yet sent, and given up). One statement reads all of it; a scrape within
 * {@link #FRESH} of the last reuses that reading, so several gauges cost one query and a busy scraper cannot load
 * the database. A database that does not answer gives NaN, which Prometheus shows as a gap, not as zero.
 */
final class Backlogs {
    private static final Logger LOG = Logger.getLogger(Backlogs.class);
    static final Duration FRESH = Duration.ofSeconds(5);
    private static final String QUERY = """
            SELECT (SELECT count(*) FROM search_outbox),
                   (SELECT extract(epoch FROM clock_timestamp() - min(queued_at)) FROM search_outbox),
                   (SELECT count(*) FROM doi_outbox WHERE status = 'PENDING'),
                   (SELECT extract(epoch FROM clock_timestamp() - min(queued_at)) FROM doi_outbox WHERE status = 'PENDING'),
                   (SELECT count(*) FROM doi_outbox WHERE status = 'FAILED'),
                   (SELECT count(*) FROM notice_outbox WHERE status = 'PENDING'),
                   (SELECT extract(epoch FROM clock_timestamp() - min(queued_at)) FROM notice_outbox WHERE status = 'PENDING'),
                   (SELECT count(*) FROM notice_outbox WHERE status = 'FAILED')""";

    /** One reading; ages are 0 when the queue is empty. */
    record Reading(Instant at, double searchQueued, double searchOldestSeconds, double doiPending,
                   double doiOldestSeconds, double doiFailed, double noticePending, double noticeOldestSeconds,
                   double noticeFailed) {
        static Reading unknown(Instant at) {
            double n = Double.NaN;
            return new Reading(at, n, n, n, n, n, n, n, n);
        }
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private Reading last;

    Backlogs(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    synchronized Reading now() {
        Instant now = clock.instant();
        if (last == null || !last.at().plus(FRESH).isAfter(now)) {
            last = read(now);
        }
        return last;
    }

    private Reading read(Instant now) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            return new Reading(now, rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                    rs.getDouble(6), rs.getDouble(7), rs.getDouble(8));
        } catch (SQLException e) {
            LOG.debugf("backlog metrics: the database did not answer: %s", e.getMessage());
            return Reading.unknown(now);
        }
    }
}
