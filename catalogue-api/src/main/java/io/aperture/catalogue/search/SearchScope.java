package io.aperture.catalogue.search;

import java.util.Set;

/**
 * What a caller may find, as decided by the policy module and translated by
 * {@link io.aperture.catalogue.access.AccessControl}: either everything, or released data plus the embargoed data of
 * the listed proposals. The search query applies it inside the engine, so hits and facet counts agree with it.
 */
public record SearchScope(boolean everything, Set<String> embargoedProposalPids) {
    public static SearchScope publicOnly() {
        return new SearchScope(false, Set.of());
    }
}
