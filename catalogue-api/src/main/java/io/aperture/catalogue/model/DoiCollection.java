package io.aperture.catalogue.model;

import io.aperture.policy.doi.DoiState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.annotations.Immutable;

import java.util.List;

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
        if (d.proposal == null) {
            return List.of();
        }
        return list("(visit is not null and visit = ?1) or (visit is null and proposal = ?2) order by id", d.visit, d.proposal);
    }

    /** The datasets this collection stands for, in id order. */
    public List<Dataset> members() {
        return visit != null
                ? Dataset.list("visit = ?1 order by id", visit)
                : Dataset.list("proposal = ?1 order by id", proposal);
    }
}
