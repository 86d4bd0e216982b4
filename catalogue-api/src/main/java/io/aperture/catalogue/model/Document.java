package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A PaNOSC Document, read-only over the view {@code panosc_document} (V21): a proposal (same id, {@link #proposal}
 * set) or a publication (a DOI that NXcite citations or the user office name; no proposal). {@link #datasets} are all
 * its datasets whatever their access state: readers add the public-data condition.
 */
@Entity
@Immutable
@Table(name = "panosc_document")
public class Document extends PanacheEntityBase {
    @Id
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "proposal_id")
    public Proposal proposal;
    public String pid;
    public String doi;
    @Column(name = "doc_type")
    public String docType;
    public String title;
    public String summary;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> keywords;
    /** A publication's year as its first day (V23); null for a proposal and a publication of unknown year. */
    @Column(name = "published_on")
    public Instant publishedOn;
    @ManyToMany
    @JoinTable(name = "panosc_document_dataset", joinColumns = @JoinColumn(name = "document_id"),
            inverseJoinColumns = @JoinColumn(name = "dataset_id"))
    public Set<Dataset> datasets = new LinkedHashSet<>();
}
