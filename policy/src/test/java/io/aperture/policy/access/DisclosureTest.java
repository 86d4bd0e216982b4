package io.aperture.policy.access;

import io.aperture.policy.doi.DoiState;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoState;
import io.aperture.policy.embargo.EmbargoStatus;
import io.aperture.policy.embargo.Publication;
import io.aperture.policy.embargo.ReleaseLicence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The disclosure decisions read paths ask for besides {@link AccessPolicy#decide}: exports, embargo existence, licence, DOI. */
class DisclosureTest {
    static final String P = "MX1001";
    static final Instant END = Instant.parse("2027-06-10T14:00:00Z");
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final Instant AFTER = Instant.parse("2027-07-01T12:00:00Z");

    final AccessPolicy policy = new AccessPolicy(EmbargoRules.defaults());
    final Caller pi = Caller.user("pi").withProposalRole(P, ProposalRole.PI);
    final Caller staff = Caller.user("staff").withFacilityRole(FacilityRole.STAFF);

    static ProtectedResource stored(EmbargoStatus status, DoiState doi) {
        return ProtectedResource.of("ds", P, status, END, status == EmbargoStatus.EMBARGOED ? Optional.empty() : Optional.of(END), doi);
    }

    @Test
    void anEmbargoedRecordWithAResolvingDoiIsExportedMinimallyEvenToItsTeam() {
        ProtectedResource r = stored(EmbargoStatus.EMBARGOED, DoiState.REGISTERED);
        assertThat(policy.exportDetail(policy.decide(pi, r, NOW), r, NOW)).contains(ExportDetail.MINIMAL);
        assertThat(policy.exportDetail(policy.decide(Caller.anonymous(), r, NOW), r, NOW)).contains(ExportDetail.MINIMAL);
    }

    @Test
    void anEmbargoedRecordWithoutADoiIsExportedInFullToItsTeamAndNotAtAllToOthers() {
        ProtectedResource r = stored(EmbargoStatus.EMBARGOED, DoiState.DRAFT);
        assertThat(policy.exportDetail(policy.decide(pi, r, NOW), r, NOW)).contains(ExportDetail.FULL);
        assertThat(policy.exportDetail(policy.decide(Caller.anonymous(), r, NOW), r, NOW)).isEmpty();
    }

    @Test
    void aReleasedRecordIsExportedInFullToEveryone() {
        ProtectedResource r = stored(EmbargoStatus.RELEASED, DoiState.FINDABLE);
        assertThat(policy.exportDetail(policy.decide(Caller.anonymous(), r, AFTER), r, AFTER)).contains(ExportDetail.FULL);
    }

    @Test
    void onlyStaffAndTheProposalsPeopleLearnThatAnEmbargoExists() {
        assertThat(policy.mayLearnOfEmbargo(pi, P)).isTrue();
        assertThat(policy.mayLearnOfEmbargo(Caller.user("t").withProposalRole(P, ProposalRole.TEAM_MEMBER), P)).isTrue();
        assertThat(policy.mayLearnOfEmbargo(staff, P)).isTrue();
        assertThat(policy.mayLearnOfEmbargo(pi, "OTHER")).isFalse();
        assertThat(policy.mayLearnOfEmbargo(Caller.user("ext"), P)).isFalse();
        assertThat(policy.mayLearnOfEmbargo(staff.withFacilityRole(FacilityRole.HARVESTER), P))
                .as("a harvester identity never acts as staff").isFalse();
        assertThat(policy.mayManageEmbargoes(staff)).isTrue();
        assertThat(policy.mayManageEmbargoes(pi)).isFalse();
        assertThat(policy.mayManageEmbargoes(staff.withFacilityRole(FacilityRole.HARVESTER))).isFalse();
    }

    @Test
    void theLicenceIsInForceOnceTheRecordIsPublic() {
        assertThat(policy.licence(stored(EmbargoStatus.EMBARGOED, DoiState.NONE), NOW).inForce()).isFalse();
        assertThat(policy.licence(stored(EmbargoStatus.RELEASED, DoiState.NONE), AFTER))
                .isEqualTo(new LicenceTerms(ReleaseLicence.CC_BY_4_0, true));
        assertThat(policy.licence(stored(EmbargoStatus.WITHDRAWN, DoiState.NONE), AFTER).inForce()).isFalse();
    }

    @Test
    void theStoredRowBecomesTheResourceThePolicyJudges() {
        ProtectedResource released = ProtectedResource.of("ds", P, EmbargoStatus.RELEASED, END, Optional.empty(), DoiState.FINDABLE);
        assertThat(released.releasedAt()).as("a legacy row without a release instant opened at its end").contains(END);
        assertThat(released.hasRegisteredDoi()).isTrue();
        assertThat(stored(EmbargoStatus.WITHDRAWN, DoiState.REGISTERED).withdrawn()).isTrue();
        assertThat(stored(EmbargoStatus.WITHDRAWN, DoiState.REGISTERED).isPublicAt(AFTER)).isFalse();
        assertThat(stored(EmbargoStatus.EMBARGOED, DoiState.DRAFT).hasRegisteredDoi()).as("a draft does not resolve").isFalse();
        assertThat(stored(EmbargoStatus.EMBARGOED, DoiState.NONE).availableFrom()).isEqualTo(END);
    }

    @Test
    void theAnonymousScopeIsTheFederationsAndOaisScope() {
        assertThat(policy.publicScope()).isEqualTo(policy.scopeFor(Caller.anonymous()));
        AccessScope.PublicPlus scope = (AccessScope.PublicPlus) policy.publicScope();
        assertThat(scope.openStatus()).isEqualTo(EmbargoStatus.RELEASED);
        assertThat(scope.teamStatus()).isEqualTo(EmbargoStatus.EMBARGOED);
    }

    @Test
    void doiStatesFollowTheEmbargo() {
        assertThat(DoiState.REGISTERED.on(EmbargoStatus.RELEASED)).isEqualTo(DoiState.FINDABLE);
        assertThat(DoiState.DRAFT.on(EmbargoStatus.RELEASED)).as("a draft is registered by the DOI workflow, not here").isEqualTo(DoiState.DRAFT);
        assertThat(DoiState.FINDABLE.on(EmbargoStatus.WITHDRAWN)).as("withdrawal hides the DOI").isEqualTo(DoiState.REGISTERED);
        assertThat(DoiState.REGISTERED.on(EmbargoStatus.EMBARGOED)).isEqualTo(DoiState.REGISTERED);
        assertThat(DoiState.initial()).isEqualTo(DoiState.NONE);
        assertThat(DoiState.NONE.resolves()).isFalse();
    }

    @Test
    void aRecordCarriesTheLicenceOnlyWhileReleased() {
        EmbargoRules rules = EmbargoRules.defaults();
        EmbargoState embargoed = EmbargoState.embargoed("ds", P, Instant.parse("2024-06-10T14:00:00Z"), rules);
        assertThat(Publication.of(embargoed, rules).licence()).isEmpty();
        EmbargoState released = new EmbargoState("ds", P, END, END, EmbargoStatus.RELEASED, Optional.of(END), Optional.empty(),
                embargoed.extensionHistory());
        assertThat(Publication.of(released, rules).licence()).contains(ReleaseLicence.CC_BY_4_0);
        assertThat(Publication.of(released, rules).embargoEnd()).isEqualTo(END);
    }

    @Test
    void daysAreTheFacilitysCalendarDays() {
        // 23:30 UTC on 31 May is already 1 June in London (BST)
        assertThat(EmbargoRules.defaults().day(Instant.parse("2027-05-31T23:30:00Z"))).isEqualTo(LocalDate.parse("2027-06-01"));
    }
}
