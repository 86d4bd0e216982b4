package io.aperture.catalogue.embargo;

import io.aperture.catalogue.input.InvalidInputException;
import io.aperture.catalogue.model.Embargo;
import io.aperture.catalogue.model.ExtensionRequestRow;
import io.aperture.catalogue.model.Member;
import io.aperture.catalogue.model.Person;
import io.aperture.policy.access.Caller;
import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.workflow.EmbargoWorkflow;
import io.aperture.policy.workflow.Outcome;
import io.aperture.policy.workflow.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embargo operations a person can trigger, shared by the REST API and the portal pages: each looks the embargo up,
 * hides it from anyone without a role on it, asks the policy, and writes what the policy accepted.
 */
@ApplicationScoped
public class EmbargoActions {
    /** The longest justification kept (characters); the API clips a longer one, the portal's form refuses it. */
    public static final int MAX_JUSTIFICATION = 4000;

    private final EmbargoService embargo;
    private final EmbargoQueries queries;
    private final EmbargoWorkflow workflow;
    private final AccessPolicy policy;
    private final Clock clock;

    EmbargoActions(EmbargoService embargo, EmbargoQueries queries, EmbargoWorkflow workflow, AccessPolicy policy, Clock clock) {
        this.embargo = embargo;
        this.queries = queries;
        this.workflow = workflow;
        this.policy = policy;
        this.clock = clock;
    }

    /** The outcome of an operation and the embargo as it stands afterwards; empty when the caller may not know it. */
    public record Result(Outcome outcome, EmbargoView embargo) {}

    public record ProposalEmbargoes(String proposal, String pid, String title, List<String> roles, List<EmbargoView> embargoes) {}

    @Transactional
    public List<ProposalEmbargoes> myProposals(Caller caller) {
        Person person = caller.username().map(Person::byUsername).orElse(null);
        if (person == null) {
            return List.of();
        }
        Map<Long, List<String>> roles = new LinkedHashMap<>();
        Map<Long, Member> first = new LinkedHashMap<>();
        for (Member m : Member.<Member>list("person = ?1 order by proposal.code", person)) {
            // a membership row is not a right: the policy says whether this caller may learn of the proposal's
            // embargoes (a machine account a user-office list names is no member)
            if (!policy.mayLearnOfEmbargo(caller, m.proposal.pid)) {
                continue;
            }
            roles.computeIfAbsent(m.proposal.id, k -> new ArrayList<>()).add(m.role.name());
            first.putIfAbsent(m.proposal.id, m);
        }
        List<ProposalEmbargoes> out = new ArrayList<>();
        Instant now = clock.instant();
        first.forEach((id, m) -> {
            List<Embargo> embargoes = queries.ofProposals(List.of(id));
            List<EmbargoView> views = queries.views(embargoes);
            List<EmbargoView> offered = new ArrayList<>();
            for (int i = 0; i < embargoes.size(); i++) {
                offered.add(offer(views.get(i), caller, embargoes.get(i), now));
            }
            out.add(new ProposalEmbargoes(m.proposal.code, m.proposal.pid, m.proposal.title, roles.get(id), offered));
        });
        return out;
    }

    /** One embargo as {@code caller} sees it, with what they may do; empty when the policy hides it from them. */
    @Transactional
    public Optional<EmbargoView> viewFor(Caller caller, long embargoId) {
        if (!mayLearnOf(caller, embargoId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(Embargo.<Embargo>findById(embargoId)).map(e -> offer(queries.view(e), caller, e, clock.instant()));
    }

    /** The view with what the policy offers the caller now, and its reasons for the rest. */
    private EmbargoView offer(EmbargoView view, Caller caller, Embargo e, Instant now) {
        var state = embargo.state(e);
        return view.withActions(workflow.available(caller, state, now), workflow.unavailable(caller, state, now));
    }

    @Transactional
    public Optional<Result> requestExtension(Caller caller, long embargoId, Optional<String> justification) {
        justification.ifPresent(j -> statedText("justification", j));
        return visible(caller, embargoId).map(e -> result(e, embargo.apply(e,
                workflow.requestExtension(caller, embargo.state(e), clock.instant()), justification.map(EmbargoActions::clip))));
    }

    @Transactional
    public Optional<Result> releaseEarly(Caller caller, long embargoId) {
        return visible(caller, embargoId).map(e -> result(e, embargo.apply(e,
                workflow.releaseEarly(caller, embargo.state(e), clock.instant()), Optional.empty())));
    }

    @Transactional
    public Optional<Result> decide(Caller staff, long requestId, Verdict verdict, String reason) {
        statedText("reason", reason);
        if (!policy.mayManageEmbargoes(staff)) {
            return Optional.empty();
        }
        // The embargo is locked before the request is read: a request row loaded earlier would stay as it was (the
        // persistence context keeps it), so a decision waiting on the lock behind another would see it still pending
        // and decide it a second time.
        Optional<Long> embargoId = ExtensionRequestRow.getEntityManager()
                .createQuery("select r.embargo.id from ExtensionRequestRow r where r.id = ?1", Long.class)
                .setParameter(1, requestId).getResultStream().findFirst();
        return embargoId.flatMap(embargo::lock).map(e -> {
            ExtensionRequestRow r = ExtensionRequestRow.findById(requestId);
            return result(e, embargo.apply(e, workflow.decide(staff, embargo.state(e), r.requestedAt, verdict, reason,
                    clock.instant()), Optional.empty()));
        });
    }

    @Transactional
    public Optional<Result> withdraw(Caller staff, long embargoId, String reason) {
        statedText("reason", reason);
        if (!policy.mayManageEmbargoes(staff)) {
            return Optional.empty();
        }
        return embargo.lock(embargoId).map(e -> result(e, embargo.apply(e,
                workflow.withdraw(staff, embargo.state(e), reason, clock.instant()), Optional.empty())));
    }

    /**
     * The embargo, locked, when the policy lets the caller learn that it exists; decided before the lock
     * ({@link EmbargoStore#proposalPidOf}), and the policy asked again on the locked row.
     */
    private Optional<Embargo> visible(Caller c, long id) {
        if (!mayLearnOf(c, id)) {
            return Optional.empty();
        }
        return embargo.lock(id).filter(e -> policy.mayLearnOfEmbargo(c, EmbargoStore.proposalPid(e)));
    }

    private boolean mayLearnOf(Caller c, long id) {
        return embargo.proposalPidOf(id).filter(pid -> policy.mayLearnOfEmbargo(c, pid)).isPresent();
    }

    private Result result(Embargo e, Outcome o) {
        return new Result(o, queries.view(e));
    }

    /**
     * Free text people state (justifications, reasons) is stored and mailed: a character XML 1.0 forbids (NUL above
     * all, which PostgreSQL refuses) is a 400 naming the field, before anything is looked up. Length is clipped, not
     * refused.
     */
    private static void statedText(String field, String text) {
        InvalidInputException.requireText(field, text, Integer.MAX_VALUE);
    }

    private static String clip(String s) {
        return s.length() > MAX_JUSTIFICATION ? s.substring(0, MAX_JUSTIFICATION) : s;
    }
}
