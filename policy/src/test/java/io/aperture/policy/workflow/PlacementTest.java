package io.aperture.policy.workflow;

import io.aperture.policy.audit.AuditAction;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoState;
import io.aperture.policy.embargo.EmbargoStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.aperture.policy.workflow.EmbargoWorkflowTest.END;
import static io.aperture.policy.workflow.EmbargoWorkflowTest.END_PLUS_ONE;
import static io.aperture.policy.workflow.EmbargoWorkflowTest.IN_WINDOW;
import static io.aperture.policy.workflow.EmbargoWorkflowTest.P;
import static io.aperture.policy.workflow.EmbargoWorkflowTest.PI;
import static io.aperture.policy.workflow.EmbargoWorkflowTest.PRODUCED;
import static io.aperture.policy.workflow.EmbargoWorkflowTest.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

/** Which embargo a dataset falls under when it is ingested ({@link EmbargoWorkflow#place}), and the window notice. */
class PlacementTest {
    static final Optional<String> VISIT = Optional.of("visit:mx1001-1");
    static final Instant LATER_SCAN = Instant.parse("2024-09-01T10:00:00Z");

    final EmbargoWorkflow workflow = new EmbargoWorkflow(EmbargoRules.defaults());

    EmbargoState visitEmbargo() {
        return workflow.open(VISIT.get(), P, PRODUCED, PRODUCED).state();
    }

    static <T> T as(Class<T> type, Placement p) {
        assertThat(p).isInstanceOf(type);
        return type.cast(p);
    }

    @Test
    void theFirstScanOfAVisitOpensTheVisitsEmbargoFromItsProductionDate() {
        var open = as(Placement.OpenNew.class, workflow.place(Optional.empty(), false, Optional.empty(), VISIT, "ds-1", P, PRODUCED, "h", PRODUCED));
        assertThat(open.forVisit()).isTrue();
        assertThat(open.state().subjectId()).isEqualTo(VISIT.get());
        assertThat(open.state().currentEnd()).isEqualTo(END);
        assertThat(open.opened().facts()).extracting(f -> f.action()).containsExactly(AuditAction.EMBARGO_COMPUTED);
    }

    @Test
    void aDatasetWithoutAVisitGetsAnEmbargoOfItsOwn() {
        var open = as(Placement.OpenNew.class, workflow.place(Optional.empty(), false, Optional.empty(), Optional.empty(), "ds-1", P, PRODUCED, "h", PRODUCED));
        assertThat(open.forVisit()).isFalse();
        assertThat(open.state().subjectId()).isEqualTo("ds-1");
    }

    @Test
    void aScanProducedNoLaterStaysUnderTheVisitsEmbargoUnchanged() {
        var stay = as(Placement.Stay.class, workflow.place(Optional.of(visitEmbargo()), true, Optional.empty(), VISIT, "ds-2", P, PRODUCED, "h", PRODUCED));
        assertThat(stay.state()).isEqualTo(visitEmbargo());
    }

    @Test
    void aLaterScanMovesTheVisitsEndAndIsAudited() {
        var move = as(Placement.Move.class, workflow.place(Optional.of(visitEmbargo()), true, Optional.empty(), VISIT, "ds-2", P, LATER_SCAN, "h", LATER_SCAN));
        Instant moved = EmbargoRules.defaults().embargoEnd(LATER_SCAN);
        assertThat(move.state().originalEnd()).isEqualTo(moved);
        assertThat(move.state().currentEnd()).isEqualTo(moved);
        assertThat(move.moved().facts()).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(AuditAction.EMBARGO_COMPUTED);
            assertThat(f.endBefore()).isEqualTo(END);
            assertThat(f.endAfter()).isEqualTo(moved);
            assertThat(f.reason()).hasValueSatisfying(r -> assertThat(r).contains("later production date"));
        });
    }

    @Test
    void aLaterScanKeepsAnApprovedExtensionThatEndsLater() {
        EmbargoState extended = ((Outcome.Accepted) workflow.decide(STAFF,
                ((Outcome.Accepted) workflow.requestExtension(PI, visitEmbargo(), IN_WINDOW)).state(), IN_WINDOW, Verdict.APPROVE, null,
                IN_WINDOW)).state();
        assertThat(extended.currentEnd()).isEqualTo(END_PLUS_ONE);
        var move = as(Placement.Move.class, workflow.place(Optional.of(extended), true, Optional.empty(), VISIT, "ds-2", P, LATER_SCAN, "h", IN_WINDOW));
        assertThat(move.state().currentEnd()).as("the extension is kept").isEqualTo(END_PLUS_ONE);
        assertThat(move.state().extensionHistory()).hasSize(1);
    }

    @Test
    void aNewScanOfAReleasedVisitGetsAClosedEmbargoOfItsOwnInsteadOfTheVisitsOpenness() {
        EmbargoState released = ((Outcome.Accepted) workflow.releaseDue(visitEmbargo(), END)).state();
        Instant scan = END.plusSeconds(3600);
        var open = as(Placement.OpenNew.class, workflow.place(Optional.of(released), true, Optional.empty(), VISIT, "ds-9", P, scan, "h", scan));
        assertThat(open.forVisit()).isFalse();
        assertThat(open.state().subjectId()).isEqualTo("ds-9");
        assertThat(open.state().status()).isEqualTo(EmbargoStatus.EMBARGOED);
    }

    @Test
    void aDatasetReleasedWithItsVisitIsNeverEmbargoedAgainWhenHarvestedAgain() {
        EmbargoState released = ((Outcome.Accepted) workflow.releaseEarly(PI, visitEmbargo(), IN_WINDOW)).state();
        Instant rescan = IN_WINDOW.plusSeconds(60);
        var stay = as(Placement.Stay.class, workflow.place(Optional.of(released), true, Optional.of(EmbargoStatus.RELEASED),
                VISIT, "ds-1", P, PRODUCED, "h", rescan));
        assertThat(stay.state().status()).isEqualTo(EmbargoStatus.RELEASED);
        // a new scan of that visit (nothing carried yet) is a new record: it gets an embargo of its own
        assertThat(workflow.place(Optional.of(released), true, Optional.empty(), VISIT, "ds-2", P, rescan, "h", rescan))
                .isInstanceOf(Placement.OpenNew.class);
        // a dataset withdrawn with its visit stays withdrawn
        EmbargoState withdrawn = ((Outcome.Accepted) workflow.withdraw(STAFF, visitEmbargo(), "legal", IN_WINDOW)).state();
        assertThat(workflow.place(Optional.of(withdrawn), true, Optional.of(EmbargoStatus.WITHDRAWN), VISIT, "ds-1", P,
                PRODUCED, "h", rescan)).isInstanceOf(Placement.Stay.class);
    }

    @Test
    void anOldFileOfAReleasedVisitStaysOpenWithIt() {
        EmbargoState released = ((Outcome.Accepted) workflow.releaseDue(visitEmbargo(), END)).state();
        var stay = as(Placement.Stay.class, workflow.place(Optional.of(released), true, Optional.empty(), VISIT, "ds-0", P, PRODUCED, "h", END));
        assertThat(stay.state().status()).isEqualTo(EmbargoStatus.RELEASED);
    }

    @Test
    void theWindowNoticeIsDueOnceWhileTheWindowIsOpen() {
        EmbargoState e = visitEmbargo();
        assertThat(workflow.windowNoticeDue(e, Optional.empty(), IN_WINDOW)).isTrue();
        assertThat(workflow.windowNoticeDue(e, Optional.of(END), IN_WINDOW)).as("already announced for this end").isFalse();
        assertThat(workflow.windowNoticeDue(e, Optional.of(Instant.parse("2026-06-10T14:00:00Z")), IN_WINDOW))
                .as("announced for an earlier end").isTrue();
        assertThat(workflow.windowNoticeDue(e, Optional.empty(), EmbargoWorkflowTest.OPENS.minusSeconds(1))).isFalse();
        assertThat(workflow.windowNoticeDue(e, Optional.empty(), EmbargoWorkflowTest.OPENS)).isTrue();
        assertThat(workflow.windowNoticeDue(e, Optional.empty(), END)).as("the embargo has ended").isFalse();
    }

    @Test
    void candidatesCoverEveryDueRecord() {
        Candidates release = workflow.releaseCandidates(END);
        assertThat(release.status()).isEqualTo(EmbargoStatus.EMBARGOED);
        assertThat(release.endAtOrBefore()).isEqualTo(END);
        assertThat(release.endAfter()).isEmpty();
        Candidates window = workflow.windowNoticeCandidates(EmbargoWorkflowTest.OPENS);
        assertThat(window.endAfter()).contains(EmbargoWorkflowTest.OPENS);
        assertThat(window.endAtOrBefore()).as("an embargo whose window opens now is among them").isAfterOrEqualTo(END);
    }

    @Test
    void thePeopleAreOfferedExactlyWhatTheWorkflowWouldAccept() {
        EmbargoState e = visitEmbargo();
        Instant early = Instant.parse("2025-01-01T12:00:00Z");
        assertThat(workflow.available(PI, e, early)).as("before the window").containsExactly(Operation.RELEASE_EARLY);
        assertThat(workflow.available(PI, e, IN_WINDOW)).containsExactlyInAnyOrder(Operation.REQUEST_EXTENSION, Operation.RELEASE_EARLY);
        assertThat(workflow.available(EmbargoWorkflowTest.ALTERNATE, e, IN_WINDOW)).containsExactly(Operation.RELEASE_EARLY);
        assertThat(workflow.available(EmbargoWorkflowTest.TEAM, e, IN_WINDOW)).isEmpty();
        EmbargoState pending = ((Outcome.Accepted) workflow.requestExtension(PI, e, IN_WINDOW)).state();
        assertThat(workflow.available(PI, pending, IN_WINDOW)).as("a request is pending").containsExactly(Operation.RELEASE_EARLY);
        EmbargoState released = ((Outcome.Accepted) workflow.releaseDue(e, END)).state();
        assertThat(workflow.available(PI, released, END)).isEmpty();
    }

    @Test
    void whatIsNotOfferedIsExplainedInTheWorkflowsWords() {
        EmbargoState e = visitEmbargo();
        Instant early = Instant.parse("2025-01-01T12:00:00Z");
        assertThat(workflow.unavailable(PI, e, early)).containsOnlyKeys(Operation.REQUEST_EXTENSION)
                .hasEntrySatisfying(Operation.REQUEST_EXTENSION, m -> assertThat(m).startsWith("Too early").contains("window opens"));
        assertThat(workflow.unavailable(PI, e, IN_WINDOW)).isEmpty();
        assertThat(workflow.unavailable(EmbargoWorkflowTest.ALTERNATE, e, IN_WINDOW)).containsOnlyKeys(Operation.REQUEST_EXTENSION)
                .hasEntrySatisfying(Operation.REQUEST_EXTENSION, m -> assertThat(m).contains("alternate contacts may not"));
        assertThat(workflow.unavailable(EmbargoWorkflowTest.TEAM, e, IN_WINDOW))
                .containsOnlyKeys(Operation.REQUEST_EXTENSION, Operation.RELEASE_EARLY);
        EmbargoState pending = ((Outcome.Accepted) workflow.requestExtension(PI, e, IN_WINDOW)).state();
        assertThat(workflow.unavailable(PI, pending, IN_WINDOW).get(Operation.REQUEST_EXTENSION)).contains("still waiting for a decision");
        for (EmbargoState s : List.of(e, pending)) {
            for (Instant now : List.of(early, IN_WINDOW)) {
                assertThat(workflow.unavailable(PI, s, now).keySet()).as("exactly what is not available")
                        .doesNotContainAnyElementsOf(workflow.available(PI, s, now))
                        .hasSize(Operation.values().length - workflow.available(PI, s, now).size());
            }
        }
    }

    @Test
    void theForecastLooksTwelveMonthsAheadAtEmbargoesStillRunning() {
        Instant now = Instant.parse("2026-03-15T12:00:00Z");
        Candidates forecast = workflow.releaseForecast(now);
        assertThat(forecast.status()).isEqualTo(EmbargoStatus.EMBARGOED);
        assertThat(forecast.endAfter()).contains(now);
        assertThat(forecast.endAtOrBefore()).isEqualTo(Instant.parse("2027-03-15T12:00:00Z"));
    }
}
