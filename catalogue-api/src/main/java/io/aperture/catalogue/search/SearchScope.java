package io.aperture.catalogue.search;

import io.aperture.policy.access.AccessScope;
import io.aperture.policy.embargo.EmbargoStatus;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The policy's {@link AccessScope} in the terms of the index: either everything, or records whose stored status is
 * {@code openStatus}, plus those of the listed proposals whose status is {@code teamStatus}. The search query applies
 * it inside the engine, so hits and facet counts agree with it. Built only from a policy scope ({@link #of}).
 * {@code qualityFindings}: whether the caller may filter and count by metadata-quality findings (the staff facet,
 * {@link Facets#STAFF_FIELDS}); the policy's {@code mayReviewQuality}, never true for the public.
 */
public record SearchScope(boolean everything, Set<String> embargoedProposalPids, Optional<EmbargoStatus> openStatus,
                          Optional<EmbargoStatus> teamStatus, boolean qualityFindings) {
    public SearchScope {
        embargoedProposalPids = Set.copyOf(embargoedProposalPids);
        Objects.requireNonNull(openStatus, "openStatus");
        Objects.requireNonNull(teamStatus, "teamStatus");
    }

    /**
     * The one stored status a public-only scope lets through, for channels that serve the public whoever calls (OAI-PMH,
     * PaNOSC) and put it into their own database queries. A scope of everything or naming proposals is refused.
     */
    public EmbargoStatus publicStatus() {
        if (everything || !embargoedProposalPids.isEmpty()) {
            throw new IllegalArgumentException("not the public scope");
        }
        return openStatus.orElseThrow();
    }

    /** This scope, with the findings facet open when the policy lets the caller review quality. */
    public SearchScope withQualityFindings(boolean mayReviewQuality) {
        return new SearchScope(everything, embargoedProposalPids, openStatus, teamStatus, mayReviewQuality);
    }

    /** The index filter for the policy's {@code scope} (no findings facet). */
    public static SearchScope of(AccessScope scope) {
        return switch (scope) {
            case AccessScope.All all -> new SearchScope(true, Set.of(), Optional.empty(), Optional.empty(), false);
            case AccessScope.PublicPlus plus -> new SearchScope(false, plus.embargoedProposalIds(),
                    Optional.of(plus.openStatus()), Optional.of(plus.teamStatus()), false);
        };
    }
}
