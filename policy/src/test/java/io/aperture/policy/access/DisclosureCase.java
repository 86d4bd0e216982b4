package io.aperture.policy.access;

import io.aperture.policy.doi.DoiState;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoStatus;

import java.time.Instant;
import java.util.Optional;

/** The policy, callers and stored records of proposal {@link #P} that the disclosure tests ask about. */
abstract class DisclosureCase {
    static final String P = "MX1001";
    static final Instant END = Instant.parse("2027-06-10T14:00:00Z");
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    final AccessPolicy policy = new AccessPolicy(EmbargoRules.defaults());
    final Caller anonymous = Caller.anonymous();
    final Caller researcher = Caller.user("someone");
    final Caller pi = Caller.user("pi").withProposalRole(P, ProposalRole.PI);
    final Caller provider = Caller.user("sp").withFacilityRole(FacilityRole.SERVICE_PROVIDER)
            .withServiceGrant(P, Visibility.METADATA_AND_FILES);
    final Caller staff = Caller.user("staff").withFacilityRole(FacilityRole.STAFF);
    final Caller harvester = Caller.user("aperture-harvester").withFacilityRole(FacilityRole.HARVESTER)
            .withFacilityRole(FacilityRole.STAFF);

    static ProtectedResource stored(EmbargoStatus status, DoiState doi) {
        return ProtectedResource.of("ds", P, status, END,
                status == EmbargoStatus.EMBARGOED ? Optional.empty() : Optional.of(END), doi);
    }
}
