package io.aperture.catalogue.access;

import io.aperture.catalogue.model.AccessState;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.search.SearchScope;
import io.aperture.policy.access.AccessDecision;
import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.access.AccessScope;
import io.aperture.policy.access.Caller;
import io.aperture.policy.access.ProtectedResource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Asks the policy module what the current caller may see. Every read path goes through here: the search scope for
 * queries, {@link #decide(Dataset)} for single records.
 */
@RequestScoped
public class AccessControl {
    private final SecurityIdentity identity;
    private final CallerResolver callers;
    private final AccessPolicy policy;
    private final Clock clock;
    private Caller caller;

    AccessControl(SecurityIdentity identity, CallerResolver callers, AccessPolicy policy, Clock clock) {
        this.identity = identity;
        this.callers = callers;
        this.policy = policy;
        this.clock = clock;
    }

    public Caller caller() {
        if (caller == null) {
            caller = callers.resolve(identity);
        }
        return caller;
    }

    public SearchScope searchScope() {
        return switch (policy.scopeFor(caller())) {
            case AccessScope.All all -> new SearchScope(true, Set.of());
            case AccessScope.PublicPlus plus -> new SearchScope(false, plus.embargoedProposalIds());
        };
    }

    public AccessDecision decide(Dataset d) {
        return policy.decide(caller(), resource(d), clock.instant());
    }

    /** What an anonymous member of the public may see of a dataset, whoever calls (the PaNOSC API is public-only). */
    public AccessDecision decideForPublic(Dataset d) {
        return policy.decide(Caller.anonymous(), resource(d), clock.instant());
    }

    /** The policy's view of a stored dataset: the one translation every read path uses. */
    public static ProtectedResource resource(Dataset d) {
        // A dataset without a proposal belongs to no team: only staff see it while it is embargoed.
        String proposal = d.proposal == null ? "" : d.proposal.pid;
        return new ProtectedResource(d.pid, proposal, d.currentEmbargoEnd(),
                d.accessState == AccessState.RELEASED ? Optional.ofNullable(d.releasedAt).or(() -> Optional.of(d.currentEmbargoEnd())) : Optional.empty(),
                d.accessState == AccessState.WITHDRAWN, d.getHasRegisteredDoi());
    }
}
