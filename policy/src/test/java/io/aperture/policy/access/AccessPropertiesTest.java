package io.aperture.policy.access;

import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.testing.Generators;
import io.aperture.policy.testing.Generators.ResourceAt;
import io.aperture.policy.testing.PropertyCheck;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of access decisions over random callers, records and instants. */
class AccessPropertiesTest {

    private final AccessPolicy policy = new AccessPolicy(EmbargoRules.defaults());

    record Case(Caller caller, ResourceAt at) {
        static Case draw(SplittableRandom r) {
            return new Case(Generators.caller(r), Generators.resourceAt(r));
        }

        ProtectedResource resource() {
            return at.resource();
        }

        AccessDecision decide(AccessPolicy policy) {
            return policy.decide(caller, at.resource(), at.now());
        }
    }

    @Test
    void scopeForAgreesWithDecideOnWhatShowsMetadata() {
        PropertyCheck.forAll(Case::draw, c -> assertThat(policy.scopeFor(c.caller()).admits(c.resource(), c.at().now()))
                .as("scope %s vs decision %s", policy.scopeFor(c.caller()), c.decide(policy))
                .isEqualTo(c.decide(policy).visibility().showsMetadata()));
    }

    @Test
    void publicDataIsOpenToEveryoneWithoutAudit() {
        PropertyCheck.forAll(Case::draw, c -> {
            if (c.resource().isPublicAt(c.at().now())) {
                assertThat(c.decide(policy)).extracting(AccessDecision::visibility, AccessDecision::audited)
                        .containsExactly(Visibility.METADATA_AND_FILES, false);
            }
        });
    }

    @Test
    void outsidersNeverSeeMoreThanTheDoiLandingPageOfNonPublicData() {
        PropertyCheck.forAll(Case::draw, c -> {
            Caller outsider = c.caller().isAnonymous() ? c.caller() : Caller.user(c.caller().actorName());
            if (!c.resource().isPublicAt(c.at().now())) {
                Visibility v = policy.decide(outsider, c.resource(), c.at().now()).visibility();
                boolean landing = c.resource().hasRegisteredDoi() && !c.resource().withdrawn();
                assertThat(v).isEqualTo(landing ? Visibility.DOI_LANDING : Visibility.NONE);
            }
        });
    }

    @Test
    void harvestersNeverReadNonPublicData() {
        PropertyCheck.forAll(Case::draw, c -> {
            if (c.caller().has(FacilityRole.HARVESTER) && !c.resource().isPublicAt(c.at().now())) {
                assertThat(c.decide(policy).visibility()).isEqualTo(Visibility.NONE);
            }
        });
    }

    @Test
    void staffAccessToNonPublicDataIsAlwaysFullAndAudited() {
        PropertyCheck.forAll(Case::draw, c -> {
            if (c.caller().actsAsStaff() && !c.resource().isPublicAt(c.at().now())) {
                assertThat(c.decide(policy)).extracting(AccessDecision::visibility, AccessDecision::audited)
                        .containsExactly(Visibility.METADATA_AND_FILES, true);
            }
        });
    }

    @Test
    void onlyFacilityRolesAreAuditedAndOnlyOnNonPublicData() {
        PropertyCheck.forAll(Case::draw, c -> {
            if (c.decide(policy).audited()) {
                assertThat(c.resource().isPublicAt(c.at().now())).isFalse();
                assertThat(c.caller().actsAsStaff() || c.caller().has(FacilityRole.SERVICE_PROVIDER)).isTrue();
            }
        });
    }

    @Test
    void withdrawnRecordsAreForStaffOnly() {
        PropertyCheck.forAll(Case::draw, c -> {
            if (c.resource().withdrawn()) {
                assertThat(c.decide(policy).visibility())
                        .isEqualTo(c.caller().actsAsStaff() ? Visibility.METADATA_AND_FILES : Visibility.NONE);
            }
        });
    }

    @Test
    void theDoiLandingPageNeedsARegisteredDoi() {
        PropertyCheck.forAll(Case::draw, c -> {
            if (c.decide(policy).visibility() == Visibility.DOI_LANDING) {
                assertThat(c.resource().hasRegisteredDoi()).isTrue();
                assertThat(c.resource().withdrawn()).isFalse();
            }
        });
    }

    /** A caller and one extra right: 0 = staff, 1 = team member, 2 = service provider grant, on {@code proposal}. */
    record Widening(Case base, int kind, String proposal) {
        static Widening draw(SplittableRandom r) {
            return new Widening(Case.draw(r), r.nextInt(3), Generators.proposal(r));
        }

        Caller widened() {
            Caller c = base.caller();
            return switch (kind) {
                case 0 -> c.withFacilityRole(FacilityRole.STAFF);
                case 1 -> c.withProposalRole(proposal, ProposalRole.TEAM_MEMBER);
                default -> {
                    Caller provider = c.withFacilityRole(FacilityRole.SERVICE_PROVIDER);
                    // never replace an existing files grant by a smaller one
                    yield provider.serviceGrant(proposal).showsMetadata() ? provider
                            : provider.withServiceGrant(proposal, Visibility.METADATA);
                }
            };
        }
    }

    @Test
    void moreHumanRightsNeverMeanLessVisibility() {
        PropertyCheck.forAll(Widening::draw, w -> {
            Case c = w.base();
            if (c.caller().has(FacilityRole.HARVESTER) || c.caller().isAnonymous()) {
                return; // a harvester identity is deliberately kept out of read rights; anonymous holds no roles
            }
            Visibility before = c.decide(policy).visibility();
            Visibility after = policy.decide(w.widened(), c.resource(), c.at().now()).visibility();
            assertThat(after.atLeast(before)).as("%s -> %s", before, after).isTrue();
        });
    }
}
