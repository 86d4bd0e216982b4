package io.aperture.policy.workflow;

import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.access.Caller;
import io.aperture.policy.access.FacilityRole;
import io.aperture.policy.access.ProposalRole;
import io.aperture.policy.access.ProtectedResource;
import io.aperture.policy.access.Visibility;
import io.aperture.policy.audit.AuditAction;
import io.aperture.policy.audit.AuditFact;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoState;
import io.aperture.policy.embargo.EmbargoStatus;
import io.aperture.policy.embargo.ExtensionDecision;
import io.aperture.policy.embargo.ExtensionRequest;
import io.aperture.policy.testing.Generators;
import io.aperture.policy.testing.PropertyCheck;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the workflow over random sequences of operations by random callers at random instants. Instants
 * are drawn around the moments that matter (window opening, current end) and never go backwards.
 */
class WorkflowPropertiesTest {

    static final String P = "MX1001";
    static final List<Caller> CALLERS = List.of(
            Caller.user("pi").withProposalRole(P, ProposalRole.PI),
            Caller.user("alt").withProposalRole(P, ProposalRole.ALTERNATE_CONTACT),
            Caller.user("alt-team").withProposalRole(P, ProposalRole.ALTERNATE_CONTACT)
                    .withProposalRole(P, ProposalRole.TEAM_MEMBER),
            Caller.user("team").withProposalRole(P, ProposalRole.TEAM_MEMBER),
            Caller.user("uo-staff").withFacilityRole(FacilityRole.STAFF),
            Caller.user("sp").withFacilityRole(FacilityRole.SERVICE_PROVIDER).withServiceGrant(P, Visibility.METADATA_AND_FILES),
            Caller.user("aperture-harvester").withFacilityRole(FacilityRole.HARVESTER).withFacilityRole(FacilityRole.STAFF),
            Caller.user("outsider").withProposalRole("SP2002", ProposalRole.PI),
            Caller.anonymous());

    enum Op { REQUEST, APPROVE, REJECT, RELEASE_EARLY, WITHDRAW, RELEASE_DUE }

    /** When a step happens, relative to the state it meets. */
    enum Anchor { WINDOW_OPENS, CURRENT_END, ANY_LATER }

    /** {@code stale}: a decision names the request decided last (a page or a retry showing it), not the pending one. */
    record Step(Op op, Caller caller, Anchor anchor, long offsetSeconds, String reason, boolean stale) {
        @Override
        public String toString() {
            return op + " by " + caller.actorName() + " at " + anchor + (offsetSeconds >= 0 ? "+" : "") + offsetSeconds
                    + "s" + (reason == null ? "" : " '" + reason + "'") + (stale ? " of the request decided last" : "");
        }
    }

    record Scenario(boolean autoApprove, Instant producedAt, List<Step> steps) {
        /** Operations weighted so sequences live long enough to extend more than once. */
        private static final List<Op> OPS = List.of(Op.REQUEST, Op.REQUEST, Op.REQUEST, Op.REQUEST, Op.REQUEST,
                Op.REQUEST, Op.APPROVE, Op.APPROVE, Op.APPROVE, Op.APPROVE, Op.REJECT, Op.REJECT, Op.RELEASE_DUE,
                Op.RELEASE_DUE, Op.RELEASE_DUE, Op.RELEASE_EARLY, Op.WITHDRAW);

        static Scenario draw(SplittableRandom r) {
            List<Step> steps = new ArrayList<>();
            int n = r.nextInt(1, 30);
            for (int i = 0; i < n; i++) {
                Op op = Generators.oneOf(r, OPS);
                // mostly the caller who may do it, sometimes anyone, so both paths are exercised
                Caller caller = r.nextInt(10) < 7 ? CALLERS.get(typicalCaller(op, r)) : Generators.oneOf(r, CALLERS);
                // requests aim at the window more often than not; everything else happens anywhere
                Anchor anchor = op == Op.REQUEST && r.nextBoolean() ? Anchor.WINDOW_OPENS
                        : Anchor.values()[r.nextInt(Anchor.values().length)];
                long offset = switch (r.nextInt(4)) {
                    case 0 -> r.nextLong(-2, 3);                          // to the second around the anchor
                    case 1 -> r.nextLong(0, 90L * 86_400);                // inside a three-month span
                    case 2 -> r.nextLong(-120L * 86_400, 120L * 86_400);  // within a few months either way
                    // long jumps (downtime, forgotten records) mostly for the release job
                    default -> r.nextLong(0, (op == Op.RELEASE_DUE ? 400L : 7L) * 86_400);
                };
                String reason = switch (r.nextInt(4)) {
                    case 0 -> null;
                    case 1 -> " ";
                    default -> "reason " + i;
                };
                steps.add(new Step(op, caller, anchor, offset, reason, (op == Op.APPROVE || op == Op.REJECT) && r.nextInt(6) == 0));
            }
            return new Scenario(r.nextInt(4) == 0, Generators.instant(r), steps);
        }

        /** Index into {@link #CALLERS} of someone entitled to {@code op}. */
        private static int typicalCaller(Op op, SplittableRandom r) {
            return switch (op) {
                case REQUEST -> r.nextInt(4) == 0 ? 4 : 0;
                case APPROVE, REJECT, WITHDRAW, RELEASE_DUE -> 4;
                case RELEASE_EARLY -> r.nextInt(2);
            };
        }
    }

    /** What one step met, did and produced. */
    record Transition(int index, Step step, EmbargoState before, Instant now, Outcome outcome) {
        EmbargoState after() {
            return outcome instanceof Outcome.Accepted a ? a.state() : before;
        }

        boolean accepted() {
            return outcome instanceof Outcome.Accepted;
        }
    }

    /** Runs a scenario and checks {@code invariant} on every transition. */
    static void run(Scenario scenario, BiConsumer<EmbargoWorkflow, Transition> invariant) {
        EmbargoWorkflow workflow = new EmbargoWorkflow(
                EmbargoRules.defaults().withAutoApproveExtensions(scenario.autoApprove()));
        EmbargoRules rules = workflow.rules();
        EmbargoState state = workflow.open("ds-1", P, scenario.producedAt(), scenario.producedAt()).state();
        Instant clock = scenario.producedAt();
        for (int i = 0; i < scenario.steps().size(); i++) {
            Step step = scenario.steps().get(i);
            Instant anchor = switch (step.anchor()) {
                case WINDOW_OPENS -> rules.extensionWindowOpens(state.currentEnd());
                case CURRENT_END -> state.currentEnd();
                case ANY_LATER -> clock;
            };
            Instant candidate = anchor.plusSeconds(step.offsetSeconds());
            Instant now = candidate.isAfter(clock) ? candidate : clock; // time never goes backwards
            Outcome outcome = switch (step.op()) {
                case REQUEST -> workflow.requestExtension(step.caller(), state, now);
                case APPROVE -> workflow.decide(step.caller(), state, filed(state, step, now), Verdict.APPROVE, step.reason(), now);
                case REJECT -> workflow.decide(step.caller(), state, filed(state, step, now), Verdict.REJECT, step.reason(), now);
                case RELEASE_EARLY -> workflow.releaseEarly(step.caller(), state, now);
                case WITHDRAW -> workflow.withdraw(step.caller(), state, step.reason(), now);
                case RELEASE_DUE -> workflow.releaseDue(state, now);
            };
            Transition t = new Transition(i, step, state, now, outcome);
            try {
                invariant.accept(workflow, t);
            } catch (AssertionError e) {
                throw new AssertionError("at step " + i + " (" + step + ", now " + now + ", state " + state
                        + ", outcome " + outcome + "): " + e.getMessage(), e);
            }
            state = t.after();
            clock = now;
        }
    }

    static void forAllScenarios(BiConsumer<EmbargoWorkflow, Transition> invariant) {
        PropertyCheck.forAll(Scenario::draw, scenario -> run(scenario, invariant));
    }

    /** Guards the generator: the properties mean little unless sequences reach every accepted transition. */
    @Test
    void scenariosReachEveryTransition() {
        java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
        PropertyCheck.forAll(2_000, 1L, Scenario::draw, scenario -> run(scenario, (workflow, t) -> {
            String key = t.outcome() instanceof Outcome.Refused r ? r.reason().name() : "ACCEPTED_" + t.step().op();
            seen.merge(key, 1, Integer::sum);
            long approvals = t.after().extensionHistory().stream()
                    .filter(d -> d.result() == ExtensionDecision.Result.APPROVED).count();
            if (approvals >= 2 && t.accepted() && t.step().op() == Op.APPROVE) {
                seen.merge("SECOND_OR_LATER_EXTENSION", 1, Integer::sum);
            }
        }));
        System.out.println("workflow transitions reached: " + seen);
        assertThat(seen.getOrDefault("SECOND_OR_LATER_EXTENSION", 0)).as("repeated extensions").isGreaterThan(20);
        for (Op op : Op.values()) {
            assertThat(seen.getOrDefault("ACCEPTED_" + op, 0)).as("accepted %s in %s", op, seen).isGreaterThan(20);
        }
        for (RefusalReason reason : RefusalReason.values()) {
            assertThat(seen.getOrDefault(reason.name(), 0)).as("refused %s in %s", reason, seen).isGreaterThan(20);
        }
    }

    @Test
    void theEndOnlyEverMovesByWholeTwelveMonthStepsFromTheOriginalEnd() {
        forAllScenarios((workflow, t) -> {
            EmbargoState s = t.after();
            long approvals = s.extensionHistory().stream()
                    .filter(d -> d.result() == ExtensionDecision.Result.APPROVED).count();
            ZonedDateTime original = s.originalEnd().atZone(workflow.rules().facilityZone());
            ZonedDateTime current = s.currentEnd().atZone(workflow.rules().facilityZone());
            assertThat(YearMonth.from(current)).isEqualTo(YearMonth.from(original).plusYears(approvals));
            assertThat(current.getDayOfMonth()).isLessThanOrEqualTo(original.getDayOfMonth());
            Instant expected = s.originalEnd();
            for (long i = 0; i < approvals; i++) {
                expected = workflow.rules().extendedEnd(expected);
            }
            assertThat(s.currentEnd()).isEqualTo(expected);
            assertThat(s.originalEnd()).isEqualTo(t.before().originalEnd());
        });
    }

    /** A decision naming any request but the pending one (a stale page, a retry) never changes the state. */
    @Test
    void aDecisionOfAnotherRequestThanThePendingOneChangesNothing() {
        forAllScenarios((workflow, t) -> {
            boolean decision = t.step().op() == Op.APPROVE || t.step().op() == Op.REJECT;
            Instant named = filed(t.before(), t.step(), t.now());
            boolean other = t.before().pendingRequest().map(p -> !p.requestedAt().equals(named)).orElse(false);
            if (decision && other) {
                assertThat(t.accepted()).isFalse();
                assertThat(t.after()).isEqualTo(t.before());
            }
        });
    }

    @Test
    void anAlternateContactNeverExtends() {
        forAllScenarios((workflow, t) -> {
            Caller c = t.step().caller();
            if (t.step().op() == Op.REQUEST && !c.holds(P, ProposalRole.PI) && !c.actsAsStaff()) {
                assertThat(t.accepted()).isFalse();
                if (c.holds(P, ProposalRole.ALTERNATE_CONTACT)) {
                    assertThat(((Outcome.Refused) t.outcome()).reason())
                            .isEqualTo(RefusalReason.ALTERNATE_CONTACT_MAY_NOT_EXTEND);
                }
            }
        });
    }

    @Test
    void releasedOrWithdrawnDataIsNeverEmbargoedAgain() {
        forAllScenarios((workflow, t) -> {
            switch (t.before().status()) {
                case RELEASED -> {
                    assertThat(t.after().status()).isIn(EmbargoStatus.RELEASED, EmbargoStatus.WITHDRAWN);
                    assertThat(t.after().currentEnd()).isEqualTo(t.before().currentEnd());
                }
                case WITHDRAWN -> assertThat(t.accepted()).isFalse();
                case EMBARGOED -> { }
            }
            if (t.step().op() == Op.REQUEST && t.before().status() == EmbargoStatus.RELEASED) {
                assertThat(t.accepted()).isFalse();
            }
        });
    }

    @Test
    void releaseDueFiresExactlyWhenDueAndNeverWhileARequestIsPending() {
        forAllScenarios((workflow, t) -> {
            if (t.step().op() != Op.RELEASE_DUE) {
                return;
            }
            EmbargoState s = t.before();
            boolean due = s.status() == EmbargoStatus.EMBARGOED && s.pendingRequest().isEmpty()
                    && !t.now().isBefore(s.currentEnd());
            assertThat(t.accepted()).isEqualTo(due);
            assertThat(workflow.isReleaseDue(s, t.now())).isEqualTo(due);
            if (s.pendingRequest().isPresent()) {
                assertThat(t.accepted()).isFalse();
            }
        });
    }

    @Test
    void anAcceptedRequestLiesInsideTheWindowAndComesFromThePiOrStaff() {
        forAllScenarios((workflow, t) -> {
            if (t.step().op() != Op.REQUEST || !t.accepted()) {
                return;
            }
            EmbargoState s = t.before();
            assertThat(t.now()).isBeforeOrEqualTo(s.currentEnd().minusSeconds(1))
                    .isAfterOrEqualTo(workflow.rules().extensionWindowOpens(s.currentEnd()));
            assertThat(s.pendingRequest()).isEmpty();
            assertThat(s.status()).isEqualTo(EmbargoStatus.EMBARGOED);
            assertThat(t.step().caller().holds(P, ProposalRole.PI) || t.step().caller().actsAsStaff()).isTrue();
        });
    }

    @Test
    void onlyStaffDecideAndRejectionsCarryAReason() {
        forAllScenarios((workflow, t) -> {
            if ((t.step().op() == Op.APPROVE || t.step().op() == Op.REJECT || t.step().op() == Op.WITHDRAW) && t.accepted()) {
                assertThat(t.step().caller().actsAsStaff()).isTrue();
            }
            if ((t.step().op() == Op.REJECT || t.step().op() == Op.WITHDRAW) && t.accepted()) {
                assertThat(t.step().reason()).isNotBlank();
            }
        });
    }

    @Test
    void everyAcceptedChangeIsAuditedAndEveryRefusalChangesNothing() {
        forAllScenarios((workflow, t) -> {
            switch (t.outcome()) {
                case Outcome.Accepted a -> {
                    assertThat(a.facts()).isNotEmpty().allSatisfy(f -> {
                        assertThat(f.at()).isEqualTo(t.now());
                        assertThat(f.subjectId()).isEqualTo("ds-1");
                        assertThat(f.proposalId()).isEqualTo(P);
                    });
                    assertThat(a.facts().getFirst().endBefore()).isEqualTo(t.before().currentEnd());
                    assertThat(a.facts().getLast().endAfter()).isEqualTo(a.state().currentEnd());
                    long approvedFacts = a.facts().stream()
                            .filter(f -> f.action() == AuditAction.EXTENSION_APPROVED).count();
                    long newApprovals = a.state().extensionHistory().size() - t.before().extensionHistory().size();
                    assertThat(approvedFacts).isLessThanOrEqualTo(newApprovals);
                    if (!a.state().currentEnd().equals(t.before().currentEnd())) {
                        assertThat(a.facts()).extracting(AuditFact::action).contains(AuditAction.EXTENSION_APPROVED);
                    }
                    if (a.state().status() != t.before().status()) {
                        assertThat(a.facts()).extracting(AuditFact::action)
                                .containsAnyOf(AuditAction.RELEASED, AuditAction.RELEASED_EARLY, AuditAction.WITHDRAWN);
                    }
                }
                case Outcome.Refused r -> assertThat(r.message()).isNotBlank();
            }
        });
    }

    @Test
    void theAccessPolicyOpensDataExactlyWhenTheWorkflowReleasedIt() {
        AccessPolicy policy = new AccessPolicy(EmbargoRules.defaults());
        forAllScenarios((workflow, t) -> {
            EmbargoState s = t.after();
            Visibility anonymous = policy.decide(Caller.anonymous(), ProtectedResource.of(s, false), t.now()).visibility();
            assertThat(anonymous == Visibility.METADATA_AND_FILES).isEqualTo(s.status() == EmbargoStatus.RELEASED);
        });
    }

    /**
     * When the request a decision names was filed: the pending one's, or for a stale step the request decided last
     * (any instant when there is none).
     */
    private static Instant filed(EmbargoState state, Step step, Instant otherwise) {
        if (step.stale()) {
            return state.extensionHistory().isEmpty() ? otherwise : state.extensionHistory().getLast().request().requestedAt();
        }
        return state.pendingRequest().map(ExtensionRequest::requestedAt).orElse(otherwise);
    }
}
