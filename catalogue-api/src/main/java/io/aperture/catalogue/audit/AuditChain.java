package io.aperture.catalogue.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the audit log's hash chain (V3, V26) and records each check. A whole-chain check hashes every row from the
 * first; an incremental check re-hashes the last verified row and then only the rows after it, chained to that row's
 * recorded hash. So a staff visit costs the rows added since the last check, and an edit of an older row (possible
 * only with the append-only trigger disabled) is found by the next whole-chain check, which {@link AuditCheckJob}
 * runs on a schedule. A break stays reported until a whole-chain check passes (after a restore, say): incremental
 * checks never build on a broken chain.
 */
@ApplicationScoped
public class AuditChain {
    /** Whole-chain checks kept for staff to see (one a day by default). */
    static final int WHOLE_CHECKS_KEPT = 100;
    private static final String GENESIS = "genesis";
    private static final long WHOLE_CHAIN_LOCK = 7172027;

    private final EntityManager em;
    private final Clock clock;
    private final int timeoutSeconds;

    AuditChain(EntityManager em, Clock clock, AuditConfig config) {
        this.em = em;
        this.clock = clock;
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, config.wholeChainTimeout().toSeconds());
    }

    /** A recorded check and the hash of the row it verified through, the next incremental check's anchor. */
    private record Recorded(ChainCheck check, String throughHash) {}

    /** Hashes every row from the first, records the check and returns it. Joins the caller's transaction if any. */
    public ChainCheck verifyWholeChain() {
        return QuarkusTransaction.joiningExisting().timeout(timeoutSeconds).call(() -> verifyAfter(true, 0, GENESIS).check());
    }

    /**
     * As {@link #verifyWholeChain()}, in a transaction of its own, unless another instance is verifying the chain
     * (an advisory lock held for the check): then empty.
     */
    public Optional<ChainCheck> verifyWholeChainAlone() {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            boolean alone = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, WHOLE_CHAIN_LOCK).getSingleResult();
            return alone ? Optional.of(verifyAfter(true, 0, GENESIS).check()) : Optional.<ChainCheck>empty();
        });
    }

    /**
     * The chain as of now, hashing only the rows added since the last recorded check (the whole chain when nothing was
     * checked before). Joins the caller's transaction if any.
     */
    public ChainStatus status() {
        return QuarkusTransaction.joiningExisting().timeout(timeoutSeconds).call(() -> {
            Optional<Recorded> last = latest(false);
            if (last.isEmpty()) {
                ChainCheck whole = verifyAfter(true, 0, GENESIS).check();
                return new ChainStatus(whole, whole.rowsChecked(), whole);
            }
            Recorded anchor = last.get();
            ChainCheck now = anchor.check().intact() ? fromAnchor(anchor) : anchor.check();
            long hashedNow = now == anchor.check() ? 0 : now.rowsChecked();
            return new ChainStatus(now, hashedNow, latest(true).map(Recorded::check).orElse(null));
        });
    }

    private ChainCheck fromAnchor(Recorded anchor) {
        long through = anchor.check().throughId();
        if (through > 0) {
            @SuppressWarnings("unchecked")
            List<Object> sound = em.createNativeQuery("""
                    SELECT hash FROM audit_event WHERE id = ?1 AND hash = audit_row_hash(prev_hash, occurred_at, actor,
                                                                    action, subject_type, subject_id, proposal, details)""")
                    .setParameter(1, through).getResultList();
            if (sound.isEmpty() || !sound.getFirst().equals(anchor.throughHash())) {
                return insert(false, through, anchor.throughHash(), through, 1);
            }
        }
        Recorded next = verifyAfter(false, through, anchor.throughHash());
        return next.check().rowsChecked() == 0 ? anchor.check() : next.check();
    }

    /** Verifies the rows after {@code afterId}; records the check unless an incremental one found no new row. */
    private Recorded verifyAfter(boolean whole, long afterId, String afterHash) {
        Object[] r = (Object[]) em.createNativeQuery(
                        "SELECT first_broken, last_id, last_hash, checked FROM audit_verify_after(?1, ?2)")
                .setParameter(1, afterId).setParameter(2, afterHash).getSingleResult();
        long checked = ((Number) r[3]).longValue();
        if (checked == 0 && !whole) {
            return new Recorded(new ChainCheck(clock.instant(), false, afterId, null, 0), afterHash);
        }
        long through = r[1] == null ? afterId : ((Number) r[1]).longValue();
        String throughHash = r[2] == null ? afterHash : (String) r[2];
        Long broken = r[0] == null ? null : ((Number) r[0]).longValue();
        return new Recorded(insert(whole, through, throughHash, broken, checked), throughHash);
    }

    private ChainCheck insert(boolean whole, long through, String throughHash, Long broken, long checked) {
        Instant at = clock.instant();
        Number id = (Number) em.createNativeQuery("""
                        INSERT INTO audit_verification(checked_at, whole_chain, through_id, through_hash, first_broken, rows_checked)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id""")
                .setParameter(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).setParameter(2, whole)
                .setParameter(3, through).setParameter(4, throughHash).setParameter(5, broken).setParameter(6, checked)
                .getSingleResult();
        // the newest check is the next one's anchor: older incremental ones say nothing more
        em.createNativeQuery("DELETE FROM audit_verification WHERE NOT whole_chain AND id < ?1")
                .setParameter(1, id.longValue()).executeUpdate();
        em.createNativeQuery("""
                        DELETE FROM audit_verification WHERE whole_chain AND id < (SELECT coalesce(min(id), 0) FROM
                          (SELECT id FROM audit_verification WHERE whole_chain ORDER BY id DESC LIMIT ?1) kept)""")
                .setParameter(1, WHOLE_CHECKS_KEPT).executeUpdate();
        return new ChainCheck(at, whole, through, broken, checked);
    }

    private Optional<Recorded> latest(boolean wholeOnly) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT floor(extract(epoch FROM checked_at) * 1000)::bigint, whole_chain, "
                        + "through_id, through_hash, first_broken, rows_checked FROM audit_verification"
                        + (wholeOnly ? " WHERE whole_chain" : "") + " ORDER BY id DESC LIMIT 1")
                .getResultList();
        return rows.stream().findFirst().map(r -> new Recorded(new ChainCheck(
                Instant.ofEpochMilli(((Number) r[0]).longValue()), (Boolean) r[1], ((Number) r[2]).longValue(),
                r[4] == null ? null : ((Number) r[4]).longValue(), ((Number) r[5]).longValue()), (String) r[3]));
    }
}
