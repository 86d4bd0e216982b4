package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.model.AccessState;
import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.access.AccessDecision;
import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.access.Caller;
import io.aperture.policy.access.ProtectedResource;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;

/**
 * The policy's answers for an anonymous caller, whoever actually calls: OAI-PMH is an anonymous protocol and serves
 * released data only, so a logged-in staff browser must not see more through it than anybody else.
 */
@ApplicationScoped
public class AnonymousReader {
    private final AccessPolicy policy;
    private final Clock clock;

    AnonymousReader(AccessPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public AccessDecision decide(Dataset d) {
        return policy.decide(Caller.anonymous(), io.aperture.catalogue.access.AccessControl.resource(d), clock.instant());
    }

    /** Whether the record may appear in OAI-PMH at all (the policy's "search, facets, OAI-PMH and exports" level). */
    public boolean sees(Dataset d) {
        return decide(d).visibility().showsMetadata();
    }
}
