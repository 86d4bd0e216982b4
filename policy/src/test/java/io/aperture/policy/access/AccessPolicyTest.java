package io.aperture.policy.access;

import io.aperture.policy.audit.AuditAction;
import io.aperture.policy.audit.AuditFact;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoState;
import io.aperture.policy.embargo.EmbargoStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.aperture.policy.access.Visibility.DOI_LANDING;
import static io.aperture.policy.access.Visibility.METADATA;
import static io.aperture.policy.access.Visibility.METADATA_AND_FILES;
import static io.aperture.policy.access.Visibility.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AccessPolicyTest {

    static final String P = "MX1001";
    static final String OTHER = "SP2002";
    static final Instant END = Instant.parse("2027-06-10T14:00:00Z");
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    final AccessPolicy policy = new AccessPolicy(EmbargoRules.defaults());

    // --- callers ---
    static final Caller ANONYMOUS = Caller.anonymous();
    static final Caller EXTERNAL = Caller.user("ext");
    static final Caller PI = Caller.user("pi").withProposalRole(P, ProposalRole.PI);
    static final Caller ALTERNATE = Caller.user("alt").withProposalRole(P, ProposalRole.ALTERNATE_CONTACT);
    static final Caller TEAM = Caller.user("team").withProposalRole(P, ProposalRole.TEAM_MEMBER);
    static final Caller PI_ELSEWHERE = Caller.user("pi2").withProposalRole(OTHER, ProposalRole.PI);
    static final Caller STAFF = Caller.user("staff").withFacilityRole(FacilityRole.STAFF);
    static final Caller PROVIDER = Caller.user("sp").withFacilityRole(FacilityRole.SERVICE_PROVIDER);
    static final Caller PROVIDER_META = PROVIDER.withServiceGrant(P, METADATA);
    static final Caller PROVIDER_FILES = PROVIDER.withServiceGrant(P, METADATA_AND_FILES);
    static final Caller PROVIDER_ELSEWHERE = PROVIDER.withServiceGrant(OTHER, METADATA_AND_FILES);
    static final Caller HARVESTER = Caller.user("aperture-harvester").withFacilityRole(FacilityRole.HARVESTER);
    static final Caller HARVESTER_STAFF = HARVESTER.withFacilityRole(FacilityRole.STAFF);
    static final Caller HARVESTER_PI = HARVESTER.withProposalRole(P, ProposalRole.PI);
    static final Caller USER_OFFICE_PI = Caller.user("service-account-aperture-user-office")
            .withFacilityRole(FacilityRole.USER_OFFICE).withProposalRole(P, ProposalRole.PI);

    // --- records ---
    static final ProtectedResource EMBARGOED = new ProtectedResource("ds-1", P, END, Optional.empty(), false, false);
    static final ProtectedResource EMBARGOED_DOI = new ProtectedResource("ds-1", P, END, Optional.empty(), false, true);
    static final ProtectedResource RELEASED = new ProtectedResource("ds-1", P, END, Optional.of(END), false, true);
    static final ProtectedResource WITHDRAWN = new ProtectedResource("ds-1", P, END, Optional.empty(), true, true);
    static final ProtectedResource WITHDRAWN_AFTER_RELEASE =
            new ProtectedResource("ds-1", P, END, Optional.of(END), true, true);

    /** caller, record, expected visibility, expected audited (evaluated at END + 1 day). */
    static Stream<Arguments> table() {
        return Stream.of(
                // released: everyone sees everything, nobody is audited
                arguments("anonymous", ANONYMOUS, RELEASED, METADATA_AND_FILES, false),
                arguments("external", EXTERNAL, RELEASED, METADATA_AND_FILES, false),
                arguments("harvester", HARVESTER, RELEASED, METADATA_AND_FILES, false),
                arguments("staff", STAFF, RELEASED, METADATA_AND_FILES, false),
                arguments("provider", PROVIDER, RELEASED, METADATA_AND_FILES, false),
                // embargoed, no DOI
                arguments("anonymous", ANONYMOUS, EMBARGOED, NONE, false),
                arguments("external", EXTERNAL, EMBARGOED, NONE, false),
                arguments("PI of another proposal", PI_ELSEWHERE, EMBARGOED, NONE, false),
                arguments("PI", PI, EMBARGOED, METADATA_AND_FILES, false),
                arguments("alternate contact", ALTERNATE, EMBARGOED, METADATA_AND_FILES, false),
                arguments("team member", TEAM, EMBARGOED, METADATA_AND_FILES, false),
                arguments("staff", STAFF, EMBARGOED, METADATA_AND_FILES, true),
                arguments("provider without grant", PROVIDER, EMBARGOED, NONE, false),
                arguments("provider, metadata grant", PROVIDER_META, EMBARGOED, METADATA, true),
                arguments("provider, files grant", PROVIDER_FILES, EMBARGOED, METADATA_AND_FILES, true),
                arguments("provider, grant elsewhere", PROVIDER_ELSEWHERE, EMBARGOED, NONE, false),
                arguments("harvester", HARVESTER, EMBARGOED, NONE, false),
                arguments("harvester with staff role", HARVESTER_STAFF, EMBARGOED, NONE, false),
                arguments("harvester with PI role", HARVESTER_PI, EMBARGOED, NONE, false),
                // embargoed with a registered DOI: outsiders get the minimal landing page, insiders are unchanged
                arguments("anonymous", ANONYMOUS, EMBARGOED_DOI, DOI_LANDING, false),
                arguments("external", EXTERNAL, EMBARGOED_DOI, DOI_LANDING, false),
                arguments("provider without grant", PROVIDER, EMBARGOED_DOI, DOI_LANDING, false),
                arguments("PI", PI, EMBARGOED_DOI, METADATA_AND_FILES, false),
                arguments("staff", STAFF, EMBARGOED_DOI, METADATA_AND_FILES, true),
                arguments("harvester", HARVESTER, EMBARGOED_DOI, NONE, false),
                // withdrawn: staff only, audited; even the PI and a DOI give nothing
                arguments("staff", STAFF, WITHDRAWN, METADATA_AND_FILES, true),
                arguments("staff", STAFF, WITHDRAWN_AFTER_RELEASE, METADATA_AND_FILES, true),
                arguments("PI", PI, WITHDRAWN, NONE, false),
                arguments("team member", TEAM, WITHDRAWN_AFTER_RELEASE, NONE, false),
                arguments("provider, files grant", PROVIDER_FILES, WITHDRAWN, NONE, false),
                arguments("anonymous", ANONYMOUS, WITHDRAWN, NONE, false),
                arguments("anonymous", ANONYMOUS, WITHDRAWN_AFTER_RELEASE, NONE, false),
                arguments("harvester with staff role", HARVESTER_STAFF, WITHDRAWN, NONE, false));
    }

    @ParameterizedTest(name = "{0} on {2} -> {3}")
    @MethodSource("table")
    void rolesTimesStates(String who, Caller caller, ProtectedResource resource, Visibility expected, boolean audited) {
        AccessDecision decision = policy.decide(caller, resource, END.plusSeconds(86_400));
        assertThat(decision.visibility()).isEqualTo(expected);
        assertThat(decision.audited()).isEqualTo(audited);
        assertThat(decision.reason()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} on {2}: scope agrees")
    @MethodSource("table")
    void scopeAgreesWithTheTable(String who, Caller caller, ProtectedResource resource, Visibility expected,
                                 boolean audited) {
        assertThat(policy.scopeFor(caller).admits(resource, END.plusSeconds(86_400)))
                .isEqualTo(expected.showsMetadata());
    }

    @Nested
    class ReleaseInstant {

        @Test
        void anEndedButUnreleasedEmbargoStaysClosed() {
            // the release job has not run yet (or a request is pending): the end date alone opens nothing
            assertThat(policy.decide(ANONYMOUS, EMBARGOED, END.plusSeconds(10 * 86_400)).visibility()).isEqualTo(NONE);
        }

        @Test
        void aReleaseInstantSetAheadOpensTheDataExactlyThen() {
            ProtectedResource releasesAtEnd = new ProtectedResource("ds", P, END, Optional.of(END), false, false);
            assertThat(policy.decide(ANONYMOUS, releasesAtEnd, END.minusSeconds(1)).visibility()).isEqualTo(NONE);
            assertThat(policy.decide(ANONYMOUS, releasesAtEnd, END).visibility()).isEqualTo(METADATA_AND_FILES);
        }

        @Test
        void resourceFromStateCarriesTheEmbargoFacts() {
            EmbargoState state = EmbargoState.embargoed("ds-9", P, Instant.parse("2024-06-10T14:00:00Z"),
                    EmbargoRules.defaults());
            ProtectedResource r = ProtectedResource.of(state, true);
            assertThat(r).isEqualTo(new ProtectedResource("ds-9", P, END, Optional.empty(), false, true));
        }
    }

    @Nested
    class Reasons {

        @Test
        void doiLandingStatesTheEmbargoEndInTheFacilityZone() {
            assertThat(policy.decide(ANONYMOUS, EMBARGOED_DOI, NOW).reason())
                    .isEqualTo("registered DOI, under embargo until 10 June 2027");
        }

        @Test
        void membersAreToldWhichRolesGrantAccess() {
            Caller both = PI.withProposalRole(P, ProposalRole.TEAM_MEMBER);
            assertThat(policy.decide(both, EMBARGOED, NOW).reason())
                    .isEqualTo("embargoed data, pi and team member of proposal MX1001");
        }

        @Test
        void releasedStatesTheLicence() {
            assertThat(policy.decide(ANONYMOUS, RELEASED, END).reason()).contains("CC-BY-4.0");
        }
    }

    @Nested
    class Scope {

        @Test
        void staffSeeEverything() {
            assertThat(policy.scopeFor(STAFF)).isEqualTo(new AccessScope.All());
        }

        @Test
        void othersSeePublicDataPlusTheirProposalsAndGrants() {
            Caller member = Caller.user("u").withProposalRole(P, ProposalRole.TEAM_MEMBER)
                    .withProposalRole(OTHER, ProposalRole.ALTERNATE_CONTACT);
            assertThat(policy.scopeFor(member)).isEqualTo(new AccessScope.PublicPlus(Set.of(P, OTHER)));
            assertThat(policy.scopeFor(PROVIDER_META)).isEqualTo(new AccessScope.PublicPlus(Set.of(P)));
            assertThat(policy.scopeFor(ANONYMOUS)).isEqualTo(AccessScope.PublicPlus.publicOnly());
            assertThat(policy.scopeFor(EXTERNAL)).isEqualTo(AccessScope.PublicPlus.publicOnly());
        }

        @Test
        void harvestersOnlySeePublicDataWhateverElseTheyHold() {
            assertThat(policy.scopeFor(HARVESTER_STAFF)).isEqualTo(AccessScope.PublicPlus.publicOnly());
            assertThat(policy.scopeFor(HARVESTER_PI)).isEqualTo(AccessScope.PublicPlus.publicOnly());
            assertThat(policy.scopeFor(USER_OFFICE_PI)).isEqualTo(AccessScope.PublicPlus.publicOnly());
        }

        @Test
        void machineIdentitiesNamedMembersLearnNothingOfTheEmbargo() {
            for (Caller machine : new Caller[] {HARVESTER_PI, USER_OFFICE_PI, USER_OFFICE_PI.withFacilityRole(FacilityRole.STAFF)}) {
                assertThat(policy.mayLearnOfEmbargo(machine, P)).as(machine.actorName()).isFalse();
                assertThat(policy.decide(machine, EMBARGOED, NOW).visibility()).as(machine.actorName()).isEqualTo(Visibility.NONE);
                assertThat(machine.actsAsStaff()).isFalse();
            }
            assertThat(policy.mayLearnOfEmbargo(Caller.user("pi").withProposalRole(P, ProposalRole.PI), P)).isTrue();
        }

        @Test
        void publicPlusNeverAdmitsWithdrawnRecordsEvenOfItsOwnProposals() {
            assertThat(new AccessScope.PublicPlus(Set.of(P)).admits(WITHDRAWN, NOW)).isFalse();
            assertThat(new AccessScope.PublicPlus(Set.of(P)).admits(EMBARGOED, NOW)).isTrue();
            assertThat(new AccessScope.PublicPlus(Set.of(OTHER)).admits(EMBARGOED, NOW)).isFalse();
        }
    }

    @Nested
    class Ingest {

        @Test
        void onlyTheHarvesterIngests() {
            assertThat(policy.mayIngest(HARVESTER)).isTrue();
            assertThat(policy.mayIngest(STAFF)).isFalse();
            assertThat(policy.mayIngest(PI)).isFalse();
            assertThat(policy.mayIngest(ANONYMOUS)).isFalse();
        }
    }

    @Nested
    class Callers {

        @Test
        void anAnonymousCallerHoldsNoRoles() {
            assertThatThrownBy(() -> new Caller(Optional.empty(), Set.of(FacilityRole.STAFF), Map.of(), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ANONYMOUS.actorName()).isEqualTo("anonymous");
        }

        @Test
        void onlyServiceProvidersHoldGrantsAndGrantsShowData() {
            assertThatThrownBy(() -> EXTERNAL.withServiceGrant(P, METADATA))
                    .hasMessageContaining("service provider");
            assertThatThrownBy(() -> PROVIDER.withServiceGrant(P, DOI_LANDING))
                    .hasMessageContaining("METADATA");
        }

        @Test
        void auditedAccessBecomesAnAuditFact() {
            AuditFact fact = AuditFact.protectedDataAccessed(STAFF, EMBARGOED, NOW);
            assertThat(fact.action()).isEqualTo(AuditAction.PROTECTED_DATA_ACCESSED);
            assertThat(fact.actor()).isEqualTo("staff");
            assertThat(fact.subjectId()).isEqualTo("ds-1");
            assertThat(fact.proposalId()).isEqualTo(P);
            assertThat(fact.at()).isEqualTo(NOW);
        }
    }

    @Test
    void onlyAWithdrawnRecordWhoseDoiResolvesLeavesATombstone() {
        ProtectedResource withdrawnNoDoi = new ProtectedResource("ds-1", P, END, Optional.empty(), true, false);
        assertThat(policy.tombstone(WITHDRAWN)).isTrue();
        assertThat(policy.tombstone(WITHDRAWN_AFTER_RELEASE)).isTrue();
        assertThat(policy.tombstone(withdrawnNoDoi)).isFalse();
        assertThat(policy.tombstone(EMBARGOED)).isFalse();
        assertThat(policy.tombstone(EMBARGOED_DOI)).isFalse();
        assertThat(policy.tombstone(RELEASED)).isFalse();
    }

    @Test
    void everyWithdrawnRecordThatWasPublicIsAnnouncedAsDeletedAndNoOther() {
        // ProtectedResource.of drops the release of a withdrawn record, so the release is given apart, as stored
        ProtectedResource withdrawnNoDoi = new ProtectedResource("ds-1", P, END, Optional.empty(), true, false);
        Instant released = END.minus(Duration.ofDays(30));
        Instant later = END.plus(Duration.ofDays(1));
        assertThat(policy.announcesDeletion(WITHDRAWN, Optional.of(released), later)).as("public, then withdrawn, DOI resolves").isTrue();
        assertThat(policy.announcesDeletion(WITHDRAWN, Optional.empty(), later)).as("withdrawn under embargo: never served").isFalse();
        assertThat(policy.announcesDeletion(WITHDRAWN, Optional.of(later.plusSeconds(1)), later)).as("a release still ahead").isFalse();
        assertThat(policy.announcesDeletion(withdrawnNoDoi, Optional.of(released), later)).as("no DOI: harvesters hold it all the same").isTrue();
        assertThat(policy.tombstone(withdrawnNoDoi)).as("but no tombstone page: that stays for resolving DOIs").isFalse();
        assertThat(policy.announcesDeletion(RELEASED, Optional.of(released), later)).as("not withdrawn").isFalse();
        assertThat(policy.announcesDeletion(EMBARGOED_DOI, Optional.empty(), later)).isFalse();
        assertThat(policy.deletionStatus()).isEqualTo(EmbargoStatus.WITHDRAWN);
    }
}
