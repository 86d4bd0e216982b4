package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A proposal as the user office knows it; exposed as a PaNOSC Document. */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "facility_id")
    public Facility facility;
    public String code;
    public String pid;
    public String title;
    public String summary;
    public String doi;
    @Column(name = "doc_type")
    public String docType = "proposal";
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> keywords = new ArrayList<>();
    /** DOIs (bare, 10.x/y) of the publications the user office reports for the proposal: IsCitedBy its data. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> publications = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    @OneToMany(mappedBy = "proposal")
    public List<Member> members = new ArrayList<>();
}
