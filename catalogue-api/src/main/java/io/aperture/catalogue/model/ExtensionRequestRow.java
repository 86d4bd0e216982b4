package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;

import java.time.Instant;

@Entity
@Table(name = "extension_request")
public class ExtensionRequestRow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "embargo_id")
    public Embargo embargo;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "on_behalf")
    public boolean onBehalf;
    @Column(name = "requested_at")
    public Instant requestedAt;
    public String justification;
    public String status;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "end_before")
    public Instant endBefore;
    @Column(name = "end_after")
    public Instant endAfter;
}
