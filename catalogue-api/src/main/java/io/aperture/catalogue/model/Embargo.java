package io.aperture.catalogue.model;

import org.hibernate.annotations.BatchSize;
import io.aperture.policy.embargo.EmbargoStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The embargo of a visit (the policy's unit), or of a dataset that belongs to no visit. */
@Entity
@Table(name = "embargo")
public class Embargo extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "visit_id")
    public Visit visit;
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "dataset_id")
    public Dataset dataset;
    @Column(name = "original_end")
    public Instant originalEnd;
    @Column(name = "current_end")
    public Instant currentEnd;
    @Enumerated(EnumType.STRING)
    public EmbargoStatus status;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Column(name = "window_notified_end")
    public Instant windowNotifiedEnd;
    @Version
    public long version;

    @OneToMany(mappedBy = "embargo")
    @OrderBy("id")
    // a page of embargoes loads its requests in one query, not one per embargo
    @BatchSize(size = 100)
    public List<ExtensionRequestRow> requests = new ArrayList<>();

    /** The policy's subject id: the visit code or the dataset pid. */
    public String subjectId() {
        return visit != null ? visitSubject(visit) : dataset.pid;
    }

    /** The policy's subject id of a visit's embargo. */
    public static String visitSubject(Visit visit) {
        return "visit:" + visit.code;
    }

    public Proposal proposal() {
        return visit != null ? visit.proposal : dataset.proposal;
    }
}
