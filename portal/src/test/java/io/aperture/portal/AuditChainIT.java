package io.aperture.portal;

import io.aperture.catalogue.audit.AuditChain;
import io.aperture.catalogue.audit.AuditLog;
import io.aperture.catalogue.audit.ChainCheck;
import io.aperture.catalogue.audit.ChainStatus;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit chain's checks against the real database (V26): the staff page hashes only the rows added since the last
 * recorded check, an edit after that check or of its anchor row is found at once, an edit of an older row only by the
 * whole-chain check — and from then on by every check until a whole-chain check passes. Every edit is made inside a
 * transaction that rolls back (the append-only trigger disabled for it), so the shared log stays whole.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class AuditChainIT {
    @Inject
    AuditChain chain;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    @Test
    void aVisitHashesOnlyTheRowsAddedSinceTheLastCheck() {
        Map<String, Object> whole = given().auth().oauth2(Tokens.user("staff")).get("/api/staff/audit/verify")
                .then().statusCode(200).extract().as(Map.class);
        assertThat(whole).containsEntry("intact", true);
        long wholeThrough = ((Number) whole.get("throughRow")).longValue();
        assertThat(((Number) whole.get("rows")).longValue()).isEqualTo(rowsBetween(0, wholeThrough));

        ChainStatus first = chain.status();
        assertThat(first.intact()).isTrue();
        assertThat(first.lastWholeChain()).isNotNull();
        assertThat(first.lastWholeChain().throughId()).isGreaterThanOrEqualTo(wholeThrough);

        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 3; i++) {
                audit.append(event("chain-" + i));
            }
        });
        ChainStatus second = chain.status();
        assertThat(second.intact()).isTrue();
        assertThat(second.latest().wholeChain()).isFalse();
        assertThat(second.latest().throughId()).isGreaterThanOrEqualTo(first.latest().throughId() + 3);
        assertThat(second.rowsCheckedNow()).as("rows hashed: only those after the previous check")
                .isEqualTo(rowsBetween(first.latest().throughId(), second.latest().throughId())).isGreaterThanOrEqualTo(3);

        ChainStatus third = chain.status();
        assertThat(third.rowsCheckedNow()).isEqualTo(rowsBetween(second.latest().throughId(), third.latest().throughId()));
        assertThat(incrementalChecksKept()).as("only the newest incremental check is kept").isEqualTo(1);
    }

    @Test
    void anEditAfterTheLastCheckIsFoundOnTheNextVisit() {
        chain.status();
        AtomicReference<ChainStatus> seen = new AtomicReference<>();
        AtomicReference<Long> edited = new AtomicReference<>();
        rolledBack(() -> {
            long id = audit.append(event("to-edit"));
            edited.set(id);
            tamper(id);
            seen.set(chain.status());
        });
        assertThat(seen.get().intact()).isFalse();
        assertThat(seen.get().latest().firstBrokenRow()).isEqualTo(edited.get());
        assertThat(chain.status().intact()).as("after the roll-back").isTrue();
    }

    @Test
    void anEditOfTheLastVerifiedRowIsFound() {
        long anchor = chain.status().latest().throughId();
        AtomicReference<ChainStatus> seen = new AtomicReference<>();
        rolledBack(() -> {
            tamper(anchor);
            seen.set(chain.status());
        });
        assertThat(seen.get().intact()).isFalse();
        assertThat(seen.get().latest().firstBrokenRow()).isEqualTo(anchor);
    }

    @Test
    void anEditOfAnOlderRowIsFoundByTheWholeChainCheckAndThenStaysReported() {
        QuarkusTransaction.requiringNew().run(() -> audit.append(event("older")));
        QuarkusTransaction.requiringNew().run(() -> audit.append(event("newer")));
        chain.status();
        long oldest = ((Number) em.createNativeQuery("SELECT min(id) FROM audit_event").getSingleResult()).longValue();
        AtomicReference<ChainStatus> before = new AtomicReference<>();
        AtomicReference<ChainCheck> whole = new AtomicReference<>();
        AtomicReference<ChainStatus> after = new AtomicReference<>();
        rolledBack(() -> {
            tamper(oldest);
            before.set(chain.status());
            whole.set(chain.verifyWholeChain());
            after.set(chain.status());
        });
        assertThat(before.get().intact()).as("an incremental check does not re-read older rows").isTrue();
        assertThat(whole.get().intact()).isFalse();
        assertThat(whole.get().firstBrokenRow()).isEqualTo(oldest);
        assertThat(after.get().intact()).as("a break stays reported").isFalse();
        assertThat(after.get().latest().firstBrokenRow()).isEqualTo(oldest);
        assertThat(after.get().rowsCheckedNow()).isZero();
        assertThat(chain.status().intact()).as("after the roll-back").isTrue();
    }

    @Test
    void oneInstanceAtATimeChecksTheWholeChainOnSchedule() {
        AtomicReference<Optional<ChainCheck>> whileAnotherChecks = new AtomicReference<>();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(7172027)").getSingleResult();
            whileAnotherChecks.set(chain.verifyWholeChainAlone());
        });
        assertThat(whileAnotherChecks.get()).isEmpty();
        Optional<ChainCheck> alone = chain.verifyWholeChainAlone();
        assertThat(alone).isPresent();
        assertThat(alone.get().intact()).isTrue();
        assertThat(alone.get().wholeChain()).isTrue();
        assertThat(alone.get().rowsChecked()).isEqualTo(rowsBetween(0, alone.get().throughId()));
    }

    private long rowsBetween(long afterId, long throughId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM audit_event WHERE id > ?1 AND id <= ?2")
                .setParameter(1, afterId).setParameter(2, throughId).getSingleResult()).longValue());
    }

    private long incrementalChecksKept() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_verification WHERE NOT whole_chain").getSingleResult()).longValue());
    }

    /** Someone around the application: the trigger disabled for one edit of a row's actor, hash left as it was. */
    private void tamper(long id) {
        em.createNativeQuery("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").executeUpdate();
        em.createNativeQuery("UPDATE audit_event SET actor = 'mallory' WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    private static void rolledBack(Runnable inside) {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            inside.run();
            throw new IllegalStateException("roll the edit back");
        })).hasMessageContaining("roll the edit back");
    }

    private static AuditLog.AuditEvent event(String subject) {
        return new AuditLog.AuditEvent(Instant.now(), "audit-chain-it", "TEST_EVENT", "DATASET", subject, null, Map.of());
    }
}
