package io.aperture.policy.workflow;

import io.aperture.policy.access.Caller;
import io.aperture.policy.access.FacilityRole;
import io.aperture.policy.access.ProposalRole;
import io.aperture.policy.access.Visibility;
import io.aperture.policy.audit.AuditAction;
import io.aperture.policy.audit.AuditFact;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoState;
import io.aperture.policy.embargo.EmbargoStatus;
import io.aperture.policy.embargo.ExtensionDecision;
import io.aperture.policy.embargo.ExtensionRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.Period;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EmbargoWorkflowTest {

    static final String P = "MX1001";
    /** 15:00 BST on 10 June 2024. */
    static final Instant PRODUCED = Instant.parse("2024-06-10T14:00:00Z");
    /** 15:00 BST on 10 June 2027. */
    static final Instant END = Instant.parse("2027-06-10T14:00:00Z");
    /** 15:00 GMT on 10 March 2027: three months earlier on the wall clock, across the March clock change. */
    static final Instant OPENS = Instant.parse("2027-03-10T15:00:00Z");
    /** One extension step after END. */
    static final Instant END_PLUS_ONE = Instant.parse("2028-06-10T14:00:00Z");
    static final Instant IN_WINDOW = Instant.parse("2027-04-01T09:00:00Z");

    static final Caller PI = Caller.user("pi").withProposalRole(P, ProposalRole.PI);
    static final Caller ALTERNATE = Caller.user("alt").withProposalRole(P, ProposalRole.ALTERNATE_CONTACT);
    static final Caller TEAM = Caller.user("team").withProposalRole(P, ProposalRole.TEAM_MEMBER);
    static final Caller STAFF = Caller.user("uo-staff").withFacilityRole(FacilityRole.STAFF);
    static final Caller HARVESTER_STAFF = Caller.user("aperture-harvester")
            .withFacilityRole(FacilityRole.HARVESTER).withFacilityRole(FacilityRole.STAFF);
    static final Caller HARVESTER_PI = Caller.user("service-account-aperture-harvester")
            .withFacilityRole(FacilityRole.HARVESTER).withProposalRole(P, ProposalRole.PI);
    static final Caller USER_OFFICE_PI = Caller.user("service-account-aperture-user-office")
            .withFacilityRole(FacilityRole.USER_OFFICE).withProposalRole(P, ProposalRole.PI);

    final EmbargoWorkflow workflow = new EmbargoWorkflow(EmbargoRules.defaults());

    EmbargoState fresh() {
        return workflow.open("ds-1", P, PRODUCED, PRODUCED).state();
    }

    EmbargoState pending() {
        return accepted(workflow.requestExtension(PI, fresh(), IN_WINDOW)).state();
    }

    EmbargoState released() {
        return accepted(workflow.releaseDue(fresh(), END)).state();
    }

    EmbargoState withdrawn() {
        return accepted(workflow.withdraw(STAFF, fresh(), "court order", IN_WINDOW)).state();
    }

    static Outcome.Accepted accepted(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return (Outcome.Accepted) outcome;
    }

    static Outcome.Refused refused(Outcome outcome, RefusalReason reason) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        Outcome.Refused refused = (Outcome.Refused) outcome;
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.message()).isNotBlank();
        return refused;
    }

    @Test
    void openingComputesAndAuditsTheEmbargo() {
        Outcome.Accepted opened = workflow.open("ds-1", P, PRODUCED, Instant.parse("2024-06-11T00:00:00Z"));
        assertThat(opened.state().currentEnd()).isEqualTo(END);
        assertThat(opened.facts()).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(AuditAction.EMBARGO_COMPUTED);
            assertThat(f.actor()).isEqualTo(AuditFact.INGEST);
            assertThat(f.endAfter()).isEqualTo(END);
            assertThat(f.at()).isEqualTo(Instant.parse("2024-06-11T00:00:00Z"));
        });
    }

    @Nested
    class RequestExtension {

        @Test
        void thePiMayRequestInsideTheWindow() {
            Outcome.Accepted ok = accepted(workflow.requestExtension(PI, fresh(), IN_WINDOW));
            assertThat(ok.state().pendingRequest()).contains(new ExtensionRequest("pi", false, IN_WINDOW, END));
            assertThat(ok.state().currentEnd()).isEqualTo(END);
            assertThat(ok.state().status()).isEqualTo(EmbargoStatus.EMBARGOED);
            assertThat(ok.facts()).singleElement().isEqualTo(new AuditFact(AuditAction.EXTENSION_REQUESTED, "pi",
                    "ds-1", P, END, END, Optional.empty(), IN_WINDOW));
        }

        @Test
        void theWindowOpensExactlyThreeMonthsBeforeTheEnd() {
            accepted(workflow.requestExtension(PI, fresh(), OPENS));
            Outcome.Refused early = refused(workflow.requestExtension(PI, fresh(), OPENS.minusSeconds(1)),
                    RefusalReason.TOO_EARLY);
            assertThat(early.message()).isEqualTo("Too early: an extension may be requested only in the 3 months "
                    + "before the embargo ends on 10 June 2027, 15:00:00 BST. The window opens on "
                    + "10 March 2027, 15:00:00 GMT.");
        }

        @Test
        void theWindowClosesAtTheEnd() {
            accepted(workflow.requestExtension(PI, fresh(), END.minusSeconds(1)));
            Outcome.Refused atEnd = refused(workflow.requestExtension(PI, fresh(), END), RefusalReason.EMBARGO_ENDED);
            assertThat(atEnd.message()).isEqualTo(
                    "The embargo ended on 10 June 2027, 15:00:00 BST; an extension must be requested before the end.");
            refused(workflow.requestExtension(PI, fresh(), END.plusSeconds(86_400)), RefusalReason.EMBARGO_ENDED);
        }

        @Test
        void anAlternateContactIsRefusedWithItsOwnReason() {
            Outcome.Refused r = refused(workflow.requestExtension(ALTERNATE, fresh(), IN_WINDOW),
                    RefusalReason.ALTERNATE_CONTACT_MAY_NOT_EXTEND);
            assertThat(r.message()).contains("alternate contacts may not");
        }

        @Test
        void aPiWhoIsAlsoAnAlternateContactMayRequest() {
            accepted(workflow.requestExtension(PI.withProposalRole(P, ProposalRole.ALTERNATE_CONTACT), fresh(), IN_WINDOW));
        }

        static Stream<Arguments> notThePi() {
            Caller provider = Caller.user("sp").withFacilityRole(FacilityRole.SERVICE_PROVIDER)
                    .withServiceGrant(P, Visibility.METADATA_AND_FILES);
            return Stream.of(
                    arguments("team member", TEAM),
                    arguments("external researcher", Caller.user("ext")),
                    arguments("anonymous", Caller.anonymous()),
                    arguments("PI of another proposal", Caller.user("pi2").withProposalRole("SP2002", ProposalRole.PI)),
                    arguments("service provider with files grant", provider),
                    arguments("harvester", Caller.user("h").withFacilityRole(FacilityRole.HARVESTER)),
                    arguments("harvester holding the staff role", HARVESTER_STAFF),
                    // a user-office list may name a machine account as PI: it holds no proposal role for all that
                    arguments("harvester named PI", HARVESTER_PI),
                    arguments("user-office feed named PI", USER_OFFICE_PI));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("notThePi")
        void nobodyElseMayRequest(String who, Caller caller) {
            refused(workflow.requestExtension(caller, fresh(), IN_WINDOW), RefusalReason.NOT_PRINCIPAL_INVESTIGATOR);
        }

        @Test
        void aRefusedCallerLearnsNothingAboutTheState() {
            refused(workflow.requestExtension(TEAM, released(), IN_WINDOW), RefusalReason.NOT_PRINCIPAL_INVESTIGATOR);
            refused(workflow.requestExtension(Caller.anonymous(), withdrawn(), IN_WINDOW),
                    RefusalReason.NOT_PRINCIPAL_INVESTIGATOR);
        }

        @Test
        void staffMayFileOnBehalfOfThePisEstablishment() {
            Outcome.Accepted ok = accepted(workflow.requestExtension(STAFF, fresh(), IN_WINDOW));
            assertThat(ok.state().pendingRequest()).contains(new ExtensionRequest("uo-staff", true, IN_WINDOW, END));
            assertThat(ok.facts().getFirst().reason()).contains("filed by facility staff on behalf of the PI's establishment");
        }

        @Test
        void staffFollowTheSameWindow() {
            refused(workflow.requestExtension(STAFF, fresh(), OPENS.minusSeconds(1)), RefusalReason.TOO_EARLY);
            refused(workflow.requestExtension(STAFF, fresh(), END), RefusalReason.EMBARGO_ENDED);
        }

        @Test
        void onlyOneRequestMayBePending() {
            Outcome.Refused r = refused(workflow.requestExtension(PI, pending(), IN_WINDOW.plusSeconds(60)),
                    RefusalReason.REQUEST_ALREADY_PENDING);
            assertThat(r.message()).contains("1 April 2027, 10:00:00 BST");
            refused(workflow.requestExtension(STAFF, pending(), IN_WINDOW), RefusalReason.REQUEST_ALREADY_PENDING);
        }

        @Test
        void releasedDataIsNeverEmbargoedAgain() {
            Outcome.Refused r = refused(workflow.requestExtension(PI, released(), END.plusSeconds(1)),
                    RefusalReason.ALREADY_RELEASED);
            assertThat(r.message()).isEqualTo(
                    "This data was released on 10 June 2027, 15:00:00 BST and cannot be embargoed again.");
        }

        @Test
        void withdrawnRecordsCannotBeExtended() {
            refused(workflow.requestExtension(PI, withdrawn(), IN_WINDOW), RefusalReason.WITHDRAWN);
        }

        @Test
        void autoApprovalExtendsAtOnce() {
            EmbargoWorkflow auto = new EmbargoWorkflow(EmbargoRules.defaults().withAutoApproveExtensions(true));
            Outcome.Accepted ok = accepted(auto.requestExtension(PI, fresh(), IN_WINDOW));
            assertThat(ok.state().currentEnd()).isEqualTo(END_PLUS_ONE);
            assertThat(ok.state().originalEnd()).isEqualTo(END);
            assertThat(ok.state().pendingRequest()).isEmpty();
            assertThat(ok.state().extensionHistory()).singleElement().satisfies(d -> {
                assertThat(d.result()).isEqualTo(ExtensionDecision.Result.APPROVED);
                assertThat(d.decidedBy()).isEqualTo(AuditFact.AUTO_APPROVAL);
            });
            assertThat(ok.facts()).extracting(AuditFact::action)
                    .containsExactly(AuditAction.EXTENSION_REQUESTED, AuditAction.EXTENSION_APPROVED);
            assertThat(ok.facts().get(1).endBefore()).isEqualTo(END);
            assertThat(ok.facts().get(1).endAfter()).isEqualTo(END_PLUS_ONE);
        }

        @Test
        void autoApprovalDoesNotBypassTheRules() {
            EmbargoWorkflow auto = new EmbargoWorkflow(EmbargoRules.defaults().withAutoApproveExtensions(true));
            refused(auto.requestExtension(ALTERNATE, fresh(), IN_WINDOW), RefusalReason.ALTERNATE_CONTACT_MAY_NOT_EXTEND);
            refused(auto.requestExtension(PI, fresh(), OPENS.minusSeconds(1)), RefusalReason.TOO_EARLY);
        }

        @Test
        void eachNewRequestIsJudgedAgainstTheNewEnd() {
            EmbargoState extended = accepted(workflow.decide(STAFF, pending(), IN_WINDOW, Verdict.APPROVE, null,
                    IN_WINDOW.plusSeconds(3600))).state();
            Instant newOpens = Instant.parse("2028-03-10T15:00:00Z");
            Outcome.Refused early = refused(workflow.requestExtension(PI, extended, Instant.parse("2027-05-01T00:00:00Z")),
                    RefusalReason.TOO_EARLY);
            assertThat(early.message()).endsWith("The window opens on 10 March 2028, 15:00:00 GMT.");
            refused(workflow.requestExtension(PI, extended, newOpens.minusSeconds(1)), RefusalReason.TOO_EARLY);
            accepted(workflow.requestExtension(PI, extended, newOpens));
        }
    }

    @Nested
    class Decide {

        @Test
        void approvalMovesTheCurrentEndByTwelveMonthsNotFromNow() {
            Outcome.Accepted ok = accepted(workflow.decide(STAFF, pending(), IN_WINDOW, Verdict.APPROVE, "  ", IN_WINDOW.plusSeconds(60)));
            assertThat(ok.state().currentEnd()).isEqualTo(END_PLUS_ONE);
            assertThat(ok.state().pendingRequest()).isEmpty();
            assertThat(ok.facts()).singleElement().isEqualTo(new AuditFact(AuditAction.EXTENSION_APPROVED, "uo-staff",
                    "ds-1", P, END, END_PLUS_ONE, Optional.empty(), IN_WINDOW.plusSeconds(60)));
        }

        @Test
        void aLateApprovalStillCountsFromTheCurrentEnd() {
            // decided a month after the end: the pending request held the release, the new end is END + 12 months
            Instant late = END.plusSeconds(30L * 86_400);
            assertThat(workflow.isReleaseDue(pending(), late)).isFalse();
            Outcome.Accepted ok = accepted(workflow.decide(STAFF, pending(), IN_WINDOW, Verdict.APPROVE, "agreed by UO", late));
            assertThat(ok.state().currentEnd()).isEqualTo(END_PLUS_ONE);
            assertThat(ok.state().extensionHistory()).singleElement().satisfies(d -> {
                assertThat(d.reason()).contains("agreed by UO");
                assertThat(d.endBefore()).isEqualTo(END);
                assertThat(d.endAfter()).isEqualTo(END_PLUS_ONE);
            });
        }

        @Test
        void rejectionNeedsAReason() {
            refused(workflow.decide(STAFF, pending(), IN_WINDOW, Verdict.REJECT, null, IN_WINDOW), RefusalReason.REASON_REQUIRED);
            refused(workflow.decide(STAFF, pending(), IN_WINDOW, Verdict.REJECT, " \t ", IN_WINDOW), RefusalReason.REASON_REQUIRED);
        }

        @Test
        void rejectionKeepsTheEndAndClearsTheRequest() {
            Outcome.Accepted ok = accepted(workflow.decide(STAFF, pending(), IN_WINDOW, Verdict.REJECT, "no justification given",
                    IN_WINDOW.plusSeconds(60)));
            assertThat(ok.state().currentEnd()).isEqualTo(END);
            assertThat(ok.state().pendingRequest()).isEmpty();
            assertThat(ok.state().extensionHistory()).singleElement().satisfies(d -> {
                assertThat(d.result()).isEqualTo(ExtensionDecision.Result.REJECTED);
                assertThat(d.reason()).contains("no justification given");
            });
            assertThat(ok.facts()).singleElement().satisfies(f -> {
                assertThat(f.action()).isEqualTo(AuditAction.EXTENSION_REJECTED);
                assertThat(f.reason()).contains("no justification given");
                assertThat(f.endAfter()).isEqualTo(END);
            });
            // still inside the window: the PI may ask again
            accepted(workflow.requestExtension(PI, ok.state(), IN_WINDOW.plusSeconds(120)));
        }

        @Test
        void onlyStaffDecide() {
            refused(workflow.decide(PI, pending(), IN_WINDOW, Verdict.APPROVE, null, IN_WINDOW), RefusalReason.NOT_STAFF);
            refused(workflow.decide(HARVESTER_STAFF, pending(), IN_WINDOW, Verdict.APPROVE, null, IN_WINDOW), RefusalReason.NOT_STAFF);
        }

        /** A page or a retry that still shows a rejected request must not approve the one the PI filed after it. */
        @Test
        void aDecisionIsForTheRequestStaffRead() {
            EmbargoState rejected = accepted(workflow.decide(STAFF, pending(), IN_WINDOW, Verdict.REJECT, "too vague",
                    IN_WINDOW.plusSeconds(60))).state();
            Instant second = IN_WINDOW.plusSeconds(120);
            EmbargoState again = accepted(workflow.requestExtension(PI, rejected, second)).state();
            Outcome.Refused stale = refused(workflow.decide(STAFF, again, IN_WINDOW, Verdict.APPROVE, null, second.plusSeconds(60)),
                    RefusalReason.REQUEST_ALREADY_DECIDED);
            assertThat(stale.message()).contains("already been decided");
            EmbargoState extended = accepted(workflow.decide(STAFF, again, second, Verdict.APPROVE, null, second.plusSeconds(60))).state();
            assertThat(extended.currentEnd()).isAfter(END);
        }

        @Test
        void thereMustBeSomethingToDecide() {
            refused(workflow.decide(STAFF, fresh(), IN_WINDOW, Verdict.APPROVE, null, IN_WINDOW), RefusalReason.NO_PENDING_REQUEST);
            refused(workflow.decide(STAFF, released(), IN_WINDOW, Verdict.APPROVE, null, END), RefusalReason.NO_PENDING_REQUEST);
        }
    }

    @Nested
    class ReleaseEarly {

        @Test
        void thePiMayReleaseEarly() {
            Outcome.Accepted ok = accepted(workflow.releaseEarly(PI, fresh(), IN_WINDOW));
            assertThat(ok.state().status()).isEqualTo(EmbargoStatus.RELEASED);
            assertThat(ok.state().releasedAt()).contains(IN_WINDOW);
            assertThat(ok.facts()).singleElement().satisfies(f -> {
                assertThat(f.action()).isEqualTo(AuditAction.RELEASED_EARLY);
                assertThat(f.actor()).isEqualTo("pi");
            });
        }

        @Test
        void soMayAnAlternateContact() {
            accepted(workflow.releaseEarly(ALTERNATE, fresh(), IN_WINDOW));
        }

        @Test
        void othersMayNot() {
            refused(workflow.releaseEarly(TEAM, fresh(), IN_WINDOW), RefusalReason.NOT_PI_OR_ALTERNATE_CONTACT);
            refused(workflow.releaseEarly(STAFF, fresh(), IN_WINDOW), RefusalReason.NOT_PI_OR_ALTERNATE_CONTACT);
            refused(workflow.releaseEarly(Caller.anonymous(), fresh(), IN_WINDOW), RefusalReason.NOT_PI_OR_ALTERNATE_CONTACT);
            // a stolen harvester or user-office credential named PI by an import releases nothing
            refused(workflow.releaseEarly(HARVESTER_PI, fresh(), IN_WINDOW), RefusalReason.NOT_PI_OR_ALTERNATE_CONTACT);
            refused(workflow.releaseEarly(USER_OFFICE_PI.withProposalRole(P, ProposalRole.ALTERNATE_CONTACT), fresh(), IN_WINDOW),
                    RefusalReason.NOT_PI_OR_ALTERNATE_CONTACT);
        }

        @Test
        void aPendingRequestIsCancelled() {
            Outcome.Accepted ok = accepted(workflow.releaseEarly(PI, pending(), IN_WINDOW.plusSeconds(60)));
            assertThat(ok.state().pendingRequest()).isEmpty();
            assertThat(ok.state().extensionHistory()).singleElement()
                    .extracting(ExtensionDecision::result).isEqualTo(ExtensionDecision.Result.CANCELLED);
            assertThat(ok.facts()).extracting(AuditFact::action)
                    .containsExactly(AuditAction.EXTENSION_CANCELLED, AuditAction.RELEASED_EARLY);
        }

        @Test
        void onlyEmbargoedDataCanBeReleased() {
            refused(workflow.releaseEarly(PI, released(), END), RefusalReason.ALREADY_RELEASED);
            refused(workflow.releaseEarly(PI, withdrawn(), IN_WINDOW), RefusalReason.WITHDRAWN);
        }
    }

    @Nested
    class Withdraw {

        @Test
        void staffWithdrawEmbargoedDataWithAReason() {
            Outcome.Accepted ok = accepted(workflow.withdraw(STAFF, fresh(), "personal data in file names", IN_WINDOW));
            assertThat(ok.state().status()).isEqualTo(EmbargoStatus.WITHDRAWN);
            assertThat(ok.state().releasedAt()).isEmpty();
            assertThat(ok.facts()).singleElement().isEqualTo(new AuditFact(AuditAction.WITHDRAWN, "uo-staff", "ds-1",
                    P, END, END, Optional.of("personal data in file names"), IN_WINDOW));
        }

        @Test
        void withdrawingReleasedDataKeepsItsReleaseInstant() {
            Outcome.Accepted ok = accepted(workflow.withdraw(STAFF, released(), "legal", END.plusSeconds(60)));
            assertThat(ok.state().status()).isEqualTo(EmbargoStatus.WITHDRAWN);
            assertThat(ok.state().releasedAt()).contains(END);
        }

        @Test
        void aPendingRequestIsCancelled() {
            Outcome.Accepted ok = accepted(workflow.withdraw(STAFF, pending(), "legal", IN_WINDOW.plusSeconds(60)));
            assertThat(ok.state().pendingRequest()).isEmpty();
            assertThat(ok.facts()).extracting(AuditFact::action)
                    .containsExactly(AuditAction.EXTENSION_CANCELLED, AuditAction.WITHDRAWN);
        }

        @Test
        void refusals() {
            refused(workflow.withdraw(PI, fresh(), "mine", IN_WINDOW), RefusalReason.NOT_STAFF);
            refused(workflow.withdraw(HARVESTER_STAFF, fresh(), "x", IN_WINDOW), RefusalReason.NOT_STAFF);
            refused(workflow.withdraw(STAFF, fresh(), "", IN_WINDOW), RefusalReason.REASON_REQUIRED);
            refused(workflow.withdraw(STAFF, withdrawn(), "again", IN_WINDOW), RefusalReason.WITHDRAWN);
        }
    }

    @Nested
    class ReleaseDue {

        @Test
        void releasesAtTheEndToTheSecond() {
            refused(workflow.releaseDue(fresh(), END.minusSeconds(1)), RefusalReason.NOT_DUE);
            assertThat(workflow.isReleaseDue(fresh(), END.minusSeconds(1))).isFalse();
            assertThat(workflow.isReleaseDue(fresh(), END)).isTrue();
            Outcome.Accepted ok = accepted(workflow.releaseDue(fresh(), END));
            assertThat(ok.state().status()).isEqualTo(EmbargoStatus.RELEASED);
            assertThat(ok.state().releasedAt()).contains(END);
            assertThat(ok.facts()).singleElement().isEqualTo(new AuditFact(AuditAction.RELEASED, AuditFact.RELEASE_JOB,
                    "ds-1", P, END, END, Optional.of("released under CC-BY-4.0"), END));
        }

        @Test
        void aReleaseMissedDuringDowntimeHappensAtTheNextRun() {
            Instant restart = END.plusSeconds(5L * 86_400);
            Outcome.Accepted ok = accepted(workflow.releaseDue(fresh(), restart));
            assertThat(ok.state().releasedAt()).contains(restart);
        }

        @Test
        void runningAgainChangesNothing() {
            refused(workflow.releaseDue(released(), END.plusSeconds(60)), RefusalReason.ALREADY_RELEASED);
            refused(workflow.releaseDue(withdrawn(), END.plusSeconds(60)), RefusalReason.WITHDRAWN);
            assertThat(workflow.isReleaseDue(released(), END.plusSeconds(60))).isFalse();
        }

        @Test
        void aPendingRequestHoldsTheRelease() {
            refused(workflow.releaseDue(pending(), END), RefusalReason.RELEASE_HELD_BY_PENDING_REQUEST);
            assertThat(workflow.isReleaseDue(pending(), END.plusSeconds(86_400))).isFalse();
            EmbargoState rejected = accepted(workflow.decide(STAFF, pending(), IN_WINDOW, Verdict.REJECT, "not justified",
                    END.plusSeconds(86_400))).state();
            assertThat(accepted(workflow.releaseDue(rejected, END.plusSeconds(86_401))).state().status())
                    .isEqualTo(EmbargoStatus.RELEASED);
        }
    }

    @Test
    void periodsAreDescribedInWords() {
        assertThat(EmbargoWorkflow.describe(Period.ofMonths(3))).isEqualTo("3 months");
        assertThat(EmbargoWorkflow.describe(Period.of(1, 1, 1))).isEqualTo("1 year and 1 month and 1 day");
    }
}
