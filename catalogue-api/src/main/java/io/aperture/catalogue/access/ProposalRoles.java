package io.aperture.catalogue.access;

import io.aperture.catalogue.model.Member;
import io.aperture.catalogue.model.MemberRole;
import io.aperture.policy.access.ProposalRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The proposal roles of a signed-in person, as the user-office data gives them, kept for a short while
 * ({@code aperture.access.roles-cache-ttl}). Every signed-in request needs them before it can search, and a database
 * round trip per request was the largest part of what a token costs on top of an anonymous search.
 * <p>
 * An import on this instance forgets everything at once (after its transaction committed), so a role change is seen
 * by the next request here; other instances see it once their entry expires. Only the roles are cached: what they
 * allow is still decided by the policy on every request.
 */
@ApplicationScoped
public class ProposalRoles {
    /** One proposal role of a person: the proposal's pid and the role in it. */
    public record Role(String proposalPid, ProposalRole role) {}

    private record Entry(List<Role> roles, Instant expires) {}

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> byUsername = new ConcurrentHashMap<>();
    /** Bumped by every {@link #forgetAll()}: roles read before it must not be cached after it. */
    private final AtomicLong generation = new AtomicLong();

    private final Function<String, List<Role>> loader;

    @Inject
    ProposalRoles(Clock clock, AccessConfig config) {
        this(clock, config.rolesCacheTtl(), config.rolesCacheSize(), ProposalRoles::load);
    }

    ProposalRoles(Clock clock, Duration ttl, int maxEntries, Function<String, List<Role>> loader) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.loader = loader;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Role> of(String username) {
        if (ttl.isZero() || ttl.isNegative()) {
            return loader.apply(username);
        }
        Instant now = clock.instant();
        Entry cached = byUsername.get(username);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.roles();
        }
        long readIn = generation.get();
        List<Role> roles = loader.apply(username);
        if (byUsername.size() >= maxEntries) {
            // Bounded without bookkeeping: drop what has expired, and everything if that was not enough.
            byUsername.values().removeIf(e -> !now.isBefore(e.expires()));
            if (byUsername.size() >= maxEntries) {
                byUsername.clear();
            }
        }
        Entry entry = new Entry(roles, now.plus(ttl));
        byUsername.put(username, entry);
        if (generation.get() != readIn) {
            byUsername.remove(username, entry); // an import committed while we read: use them once, keep nothing
        }
        return roles;
    }

    /** Called after the user-office data changed (and committed): the next request reads the roles afresh. */
    public void forgetAll() {
        generation.incrementAndGet();
        byUsername.clear();
    }

    /** How many users' roles are held now (for tests). */
    int cachedUsers() {
        return byUsername.size();
    }

    private static List<Role> load(String username) {
        return Member.getEntityManager().createQuery(
                        "select m.proposal.pid, m.role from Member m where m.person.username = ?1", Object[].class)
                .setParameter(1, username).getResultList().stream()
                .map(r -> new Role((String) r[0], ProposalRole.valueOf(((MemberRole) r[1]).name())))
                .toList();
    }
}
