package io.aperture.catalogue.access;

import io.aperture.policy.access.ProposalRole;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-user roles cache: read once per period, forgotten on import, never serving what an import replaced. */
class ProposalRolesTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The user-office data as the loader sees it, with a count of reads. */
    static final class Store {
        final Map<String, List<ProposalRoles.Role>> roles = new HashMap<>();
        final List<String> reads = new ArrayList<>();
        Runnable duringRead = () -> {};

        List<ProposalRoles.Role> load(String username) {
            reads.add(username);
            List<ProposalRoles.Role> r = roles.getOrDefault(username, List.of());
            duringRead.run();
            return r;
        }
    }

    private static final ProposalRoles.Role PI_OF_A = new ProposalRoles.Role("pid:a", ProposalRole.PI);
    private static final ProposalRoles.Role TEAM_OF_B = new ProposalRoles.Role("pid:b", ProposalRole.TEAM_MEMBER);

    private final HandClock clock = new HandClock();
    private final Store store = new Store();

    private ProposalRoles cache(Duration ttl, int size) {
        return new ProposalRoles(clock, ttl, size, store::load);
    }

    @Test
    void readsOncePerPeriodAndAgainAfterIt() {
        store.roles.put("pat", List.of(PI_OF_A));
        ProposalRoles roles = cache(Duration.ofSeconds(10), 100);

        assertThat(roles.of("pat")).containsExactly(PI_OF_A);
        clock.now = clock.now.plusSeconds(9);
        store.roles.put("pat", List.of(PI_OF_A, TEAM_OF_B));
        assertThat(roles.of("pat")).containsExactly(PI_OF_A);
        assertThat(store.reads).hasSize(1);

        clock.now = clock.now.plusSeconds(1);
        assertThat(roles.of("pat")).containsExactly(PI_OF_A, TEAM_OF_B);
        assertThat(store.reads).hasSize(2);
    }

    @Test
    void forgetAllMakesTheNextRequestReadTheNewRoles() {
        store.roles.put("pat", List.of(PI_OF_A));
        ProposalRoles roles = cache(Duration.ofMinutes(5), 100);
        assertThat(roles.of("pat")).containsExactly(PI_OF_A);

        store.roles.put("pat", List.of()); // removed from the proposal by an import
        roles.forgetAll();

        assertThat(roles.of("pat")).isEmpty();
    }

    @Test
    void rolesReadWhileAnImportCommitsAreUsedOnceButNotKept() {
        store.roles.put("pat", List.of(PI_OF_A));
        ProposalRoles roles = cache(Duration.ofMinutes(5), 100);
        // the import commits (and forgets) after this read took the old rows
        store.duringRead = () -> {
            store.roles.put("pat", List.of());
            roles.forgetAll();
        };
        assertThat(roles.of("pat")).containsExactly(PI_OF_A);

        store.duringRead = () -> {};
        assertThat(roles.of("pat")).as("the stale read was not cached").isEmpty();
        assertThat(store.reads).hasSize(2);
    }

    @Test
    void zeroPeriodReadsEveryTime() {
        store.roles.put("pat", List.of(PI_OF_A));
        ProposalRoles roles = cache(Duration.ZERO, 100);
        roles.of("pat");
        roles.of("pat");
        assertThat(store.reads).hasSize(2);
    }

    @Test
    void staysWithinItsSize() {
        ProposalRoles roles = cache(Duration.ofMinutes(5), 3);
        for (int i = 0; i < 10; i++) {
            roles.of("user" + i);
            assertThat(roles.cachedUsers()).isLessThanOrEqualTo(3);
        }
        // the last one read is still cached
        int before = store.reads.size();
        roles.of("user9");
        assertThat(store.reads).hasSize(before);
    }

    @Test
    void usersDoNotShareEntries() {
        store.roles.put("pat", List.of(PI_OF_A));
        store.roles.put("sam", List.of(TEAM_OF_B));
        ProposalRoles roles = cache(Duration.ofMinutes(5), 100);
        assertThat(roles.of("pat")).containsExactly(PI_OF_A);
        assertThat(roles.of("sam")).containsExactly(TEAM_OF_B);
        assertThat(roles.of("nobody")).isEmpty();
    }
}
