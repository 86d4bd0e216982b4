package io.aperture.policy.access;

import io.aperture.policy.embargo.EmbargoStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller may find through search, as a filter the search engine can apply inside the query (so hits and
 * facet counts never count what the caller may not see).
 *
 * <p><b>Contract with {@link AccessPolicy#decide}.</b> For every caller, record and instant,
 * {@code scopeFor(caller).admits(resource, now) == decide(caller, resource, now).visibility().showsMetadata()}.
 * The search filter must be a translation of {@link #admits}: {@link All} matches everything;
 * {@link PublicPlus} matches records that are not withdrawn and are either released or belong to one of the listed
 * proposals. {@link Visibility#DOI_LANDING} is never a search hit. Property tests check the contract.
 */
public sealed interface AccessScope permits AccessScope.All, AccessScope.PublicPlus {

    /** Whether a record is visible (at least {@link Visibility#METADATA}) under this scope. */
    boolean admits(ProtectedResource resource, Instant now);

    /** Every record, including embargoed and withdrawn ones (facility staff). */
    record All() implements AccessScope {
        @Override
        public boolean admits(ProtectedResource resource, Instant now) {
            return true;
        }
    }

    /** Released, non-withdrawn records plus the non-withdrawn embargoed records of the listed proposals. */
    record PublicPlus(Set<String> embargoedProposalIds) implements AccessScope {
        public PublicPlus {
            embargoedProposalIds = Set.copyOf(embargoedProposalIds);
        }

        /** Released data only. */
        public static PublicPlus publicOnly() {
            return new PublicPlus(Set.of());
        }

        /** The stored status of a record everyone may find: the search filter's translation of "released". */
        public EmbargoStatus openStatus() {
            return EmbargoStatus.RELEASED;
        }

        /**
         * The stored status of the listed proposals' records that this caller may find besides: embargoed ones, never
         * withdrawn ones.
         */
        public EmbargoStatus teamStatus() {
            return EmbargoStatus.EMBARGOED;
        }

        @Override
        public boolean admits(ProtectedResource resource, Instant now) {
            Objects.requireNonNull(resource, "resource");
            if (resource.withdrawn()) {
                return false;
            }
            return resource.isPublicAt(now) || embargoedProposalIds.contains(resource.proposalId());
        }
    }
}
