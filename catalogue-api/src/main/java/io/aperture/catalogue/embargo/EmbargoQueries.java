package io.aperture.catalogue.embargo;

import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.Embargo;
import io.aperture.catalogue.model.ExtensionRequestRow;
import io.aperture.policy.embargo.EmbargoRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read models of embargoes for the API and the portal's PI and staff pages. */
@ApplicationScoped
public class EmbargoQueries {
    private final EmbargoRules rules;

    EmbargoQueries(EmbargoRules rules) {
        this.rules = rules;
    }

    public EmbargoView view(Embargo e) {
        return views(List.of(e)).getFirst();
    }

    /** Views of many embargoes at a constant number of queries: datasets are counted per visit in one grouped query. */
    public List<EmbargoView> views(List<Embargo> embargoes) {
        List<Long> visits = embargoes.stream().filter(e -> e.visit != null).map(e -> e.visit.id).distinct().toList();
        Map<Long, Long> counts = new HashMap<>();
        if (!visits.isEmpty()) {
            Dataset.getEntityManager()
                    .createQuery("select d.visit.id, count(d) from Dataset d where d.visit.id in ?1 group by d.visit.id", Object[].class)
                    .setParameter(1, visits).getResultList()
                    .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        return embargoes.stream().map(e -> view(e, e.visit == null ? 1 : counts.getOrDefault(e.visit.id, 0L))).toList();
    }

    private EmbargoView view(Embargo e, long datasets) {
        EmbargoView.PendingRequest pending = null;
        List<EmbargoView.Decision> history = new ArrayList<>();
        for (ExtensionRequestRow r : e.requests) {
            if (EmbargoStore.PENDING.equals(r.status)) {
                pending = new EmbargoView.PendingRequest(r.id, r.requestedBy, r.onBehalf, r.requestedAt, r.justification);
            } else {
                history.add(new EmbargoView.Decision(r.id, r.status, r.decidedBy, r.decidedAt, r.decisionReason, r.endBefore, r.endAfter));
            }
        }
        var proposal = e.proposal();
        return new EmbargoView(e.id, e.subjectId(), proposal == null ? null : proposal.code,
                proposal == null ? null : proposal.title, e.visit == null ? null : e.visit.code, e.status.name(), e.status.underEmbargo(),
                e.originalEnd, e.currentEnd, rules.extensionWindowOpens(e.currentEnd), e.releasedAt, datasets, pending, history, Set.of(), Map.of());
    }

    /** Embargoes of the proposals the person holds a role on, newest end first. */
    public List<Embargo> ofProposals(List<Long> proposalIds) {
        if (proposalIds.isEmpty()) {
            return List.of();
        }
        return Embargo.list("""
                select e from Embargo e left join e.visit v left join e.dataset d
                where v.proposal.id in ?1 or d.proposal.id in ?1 order by e.currentEnd desc""", proposalIds);
    }

    /** Requests waiting for a decision, oldest first (the staff queue). */
    public List<ExtensionRequestRow> pendingRequests() {
        return requests(EmbargoStore.PENDING);
    }

    /** How many requests wait for a decision (counted in SQL). */
    public long countPending() {
        return ExtensionRequestRow.count("status = ?1", EmbargoStore.PENDING);
    }

    /** Decided requests, newest decision first, at most {@code limit}. */
    public List<ExtensionRequestRow> decidedRequests(int limit) {
        return ExtensionRequestRow.<ExtensionRequestRow>find("status <> ?1 order by decidedAt desc, id desc", EmbargoStore.PENDING)
                .page(0, limit).list();
    }

    public List<ExtensionRequestRow> requests(String status) {
        return status == null ? ExtensionRequestRow.list("order by requestedAt desc")
                : ExtensionRequestRow.list("status = ?1 order by requestedAt", status);
    }
}
