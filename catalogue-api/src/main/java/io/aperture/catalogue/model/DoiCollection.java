package io.aperture.catalogue.model;

import io.aperture.policy.doi.DoiState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.annotations.Immutable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DOI of a visit's or a proposal's datasets together (a DataCite {@code Collection}, migration V18). Written in
 * SQL by the DOI queue only, in the transaction that queues its call; read here.
 */
@Entity
@Immutable
@Table(name = "doi_collection")
public class DoiCollection extends PanacheEntityBase {
    @Id
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id")
    public Proposal proposal;
    /** Null for the proposal's collection. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "visit_id")
    public Visit visit;
    public String doi;
    @Column(name = "doi_state")
    @Enumerated(EnumType.STRING)
    public DoiState doiState;

    /** The collections {@code d} belongs to: its visit's and its proposal's, those that exist. */
    public static List<DoiCollection> of(Dataset d) {
        return ofEach(List.of(d)).getOrDefault(d.id, List.of());
    }

    /**
     * {@link #of} for each of {@code datasets} in one statement (a page of exports), by dataset id, each list in id
     * order; none for a dataset without a proposal, without a statement when none of them has one.
     */
    public static Map<Long, List<DoiCollection>> ofEach(List<Dataset> datasets) {
        List<Long> withProposal = datasets.stream().filter(d -> d.proposal != null).map(d -> d.id).toList();
        Map<Long, List<DoiCollection>> out = new HashMap<>();
        if (!withProposal.isEmpty()) {
            getEntityManager().createQuery("select d.id, c from Dataset d, DoiCollection c where d.id in :ids and d.proposal is not null"
                            + " and ((c.visit is not null and c.visit = d.visit) or (c.visit is null and c.proposal = d.proposal))"
                            + " order by c.id", Object[].class).setParameter("ids", withProposal).getResultList()
                    .forEach(r -> out.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((DoiCollection) r[1]));
        }
        return out;
    }

    /** The datasets this collection stands for, in id order. */
    public List<Dataset> members() {
        return visit != null
                ? Dataset.list("visit = ?1 order by id", visit)
                : Dataset.list("proposal = ?1 order by id", proposal);
    }
}
