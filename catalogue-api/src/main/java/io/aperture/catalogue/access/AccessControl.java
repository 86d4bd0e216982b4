package io.aperture.catalogue.access;

import io.aperture.catalogue.model.Member;
import io.aperture.catalogue.model.Person;
import io.aperture.catalogue.search.SearchScope;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import java.util.Set;
import java.util.stream.Collectors;

/** Asks the policy module what the current caller may see. Every read path goes through here. */
@RequestScoped
public class AccessControl {
    private final SecurityIdentity identity;

    AccessControl(SecurityIdentity identity) {
        this.identity = identity;
    }

    // POLICY-WIRE: replaced by policy scopeFor(Caller)
    @Transactional
    public SearchScope searchScope() {
        if (identity.isAnonymous()) {
            return SearchScope.publicOnly();
        }
        if (identity.hasRole("staff")) {
            return new SearchScope(true, Set.of());
        }
        Person p = Person.byUsername(identity.getPrincipal().getName());
        if (p == null) {
            return SearchScope.publicOnly();
        }
        Set<String> proposals = Member.<Member>list("person", p).stream().map(m -> m.proposal.pid).collect(Collectors.toSet());
        return new SearchScope(false, proposals);
    }
}
