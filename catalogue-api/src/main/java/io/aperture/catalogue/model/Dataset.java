package io.aperture.catalogue.model;

import org.hibernate.annotations.Formula;
import io.aperture.policy.doi.DoiState;
import io.aperture.policy.embargo.EmbargoStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.ObjectStructure;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.*;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One NXentry of one master file: the unit the catalogue describes, searches and releases.
 * Indexed in the search engine with its parameters as nested documents, so that a range on one parameter's
 * value and a condition on its name match the same parameter.
 */
@Entity
@Table(name = "dataset")
@Indexed(index = "dataset")
public class Dataset extends PanacheEntityBase {
    /** The index field of {@link #getPanoscPid()}. */
    public static final String PANOSC_PID = "panoscPid";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @KeywordField(projectable = Projectable.YES, sortable = Sortable.YES)
    public String pid;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "facility_id")
    public Facility facility;

    @Column(name = "source_path")
    public String sourcePath;
    @Column(name = "entry_name")
    public String entryName;

    @KeywordField(aggregable = Aggregable.YES)
    public String kind;

    @FullTextField(analyzer = "english", highlightable = Highlightable.ANY, projectable = Projectable.YES)
    @KeywordField(name = "title_sort", sortable = Sortable.YES, normalizer = "lowercase")
    public String title;

    @Column(name = "collection_start")
    public Instant collectionStart;
    @Column(name = "collection_end")
    public Instant collectionEnd;

    @Column(name = "produced_at")
    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
    public Instant producedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "instrument_id")
    // pid and facility code for the PaNOSC list's instrument include (issue #12), read back from the hits
    @IndexedEmbedded(includePaths = {"name", "pid", "facilityCode"})
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    public Instrument instrument;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "visit_id")
    public Visit visit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "proposal_id")
    public Proposal proposal;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "sample_id")
    @IndexedEmbedded(includePaths = {"name", "name_keyword", "chemicalFormula"})
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    public Sample sample;

    @KeywordField(aggregable = Aggregable.YES)
    public String definition;
    @Column(name = "program_name")
    public String programName;
    @Column(name = "program_version")
    public String programVersion;
    @Column(name = "scan_number")
    public String scanNumber;

    /** The embargo end as copied to the row and the index; a visit's may run ahead of it until the visit settles. */
    @Column(name = "embargo_end")
    @GenericField(sortable = Sortable.YES)
    public Instant embargoEnd;

    /** The current end of the embargo the dataset is under, its own or its visit's, read with the row. */
    @Formula("(SELECT coalesce((SELECT e.current_end FROM embargo e WHERE e.dataset_id = id), "
            + "(SELECT e.current_end FROM embargo e WHERE e.visit_id = visit_id)))")
    private Instant governingEmbargoEnd;

    @Column(name = "access_state")
    @Enumerated(EnumType.STRING)
    @KeywordField(aggregable = Aggregable.YES)
    public EmbargoStatus accessState;

    @Column(name = "released_at")
    public Instant releasedAt;

    @KeywordField(aggregable = Aggregable.YES)
    public String license;

    /** Written in SQL by the embargo sync and the DOI queue only; never written back from the entity. */
    @KeywordField
    @Column(name = "doi", updatable = false)
    public String doi;

    @Column(name = "doi_state", updatable = false)
    @Enumerated(EnumType.STRING)
    public DoiState doiState = DoiState.initial();

    @Column(name = "size_bytes")
    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
    public long sizeBytes;

    @Column(name = "file_count")
    public int fileCount;

    @Column(name = "record_hash")
    public String recordHash;

    /**
     * The record as harvested, read only where it is used (DataCite's mapping, quality reassessment): fetched with
     * the row, a found but hidden dataset's 404 read up to megabytes more than an unknown pid's (a timing channel),
     * and every indexing batch read records it does not index.
     */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    public String record;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @ManyToMany
    @JoinTable(name = "dataset_technique",
            joinColumns = @JoinColumn(name = "dataset_id"),
            inverseJoinColumns = @JoinColumn(name = "technique_id"))
    @IndexedEmbedded(includePaths = {"iri", "label", "label_keyword", Technique.LINEAGE})
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    public Set<Technique> techniques = new LinkedHashSet<>();

    @OneToMany(mappedBy = "dataset", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    @IndexedEmbedded(structure = ObjectStructure.NESTED, includePaths = {"id", "name", "nameSuffix", "numericValue", "textValue", "unit", "siValue", "siUnit"})
    public List<Parameter> parameters = new ArrayList<>();

    @OneToMany(mappedBy = "dataset", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("path")
    public List<Datafile> files = new ArrayList<>();

    @OneToMany(mappedBy = "dataset", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    public List<ProcessingStep> processingSteps = new ArrayList<>();

    @OneToMany(mappedBy = "dataset", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<DatasetDerivation> derivedFrom = new ArrayList<>();

    /** Conformance findings (written by the quality store); their rules feed the staff-only findings facet. */
    @OneToMany(mappedBy = "dataset")
    @OrderBy("id")
    @IndexedEmbedded(includePaths = {"rule"})
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    public List<DatasetFinding> findings = new ArrayList<>();

    /** Proposal pid in the index: the access filter keeps embargoed hits to callers entitled to this proposal. */
    @Transient
    @KeywordField(name = "proposalPid")
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "proposal")))
    public String getProposalPid() {
        return proposal == null ? null : proposal.pid;
    }

    @Transient
    @GenericField(name = "year", aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "producedAt")))
    public Integer getYear() {
        return producedAt == null ? null : producedAt.atZone(ZoneOffset.UTC).getYear();
    }

    @Transient
    @GenericField(name = "hasDoi")
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "doiState")))
    public boolean getHasRegisteredDoi() {
        return doiState.resolves();
    }

    public static Dataset bySource(String path, String entry) {
        return find("sourcePath = ?1 and entryName = ?2", path, entry).firstResult();
    }

    /**
     * With its proposal, which every access decision reads (the team is the proposal's): fetched in the same statement,
     * so a dataset the caller may not see costs the database what an unknown pid costs, and its 404 takes as long.
     */
    public static Dataset byPid(String pid) {
        return find("from Dataset d left join fetch d.proposal where d.pid = ?1", pid).firstResult();
    }

    /**
     * The dataset a PaNOSC pid names: its local pid, or its DOI once the DOI resolves (a reserved one is no pid yet), with
     * its proposal, in one statement whichever it is, so that a hidden dataset's 404 reads what an unknown pid's reads.
     */
    public static Dataset byPidOrResolvingDoi(String pid) {
        return find("from Dataset d left join fetch d.proposal where d.pid = ?1 or (d.doi = ?1 and d.doiState in ?2)"
                + " order by case when d.pid = ?1 then 0 else 1 end", pid, DoiState.resolving()).firstResult();
    }

    /** As {@link #byPid}, by DOI in any case (DOIs are case-insensitive). */
    public static Dataset byDoi(String doi) {
        return find("from Dataset d left join fetch d.proposal where lower(d.doi) = ?1", doi).firstResult();
    }

    /**
     * The embargo end every single-record page and export shows (landing page, DataCite, refusals): the governing
     * embargo's, which a later scan of the visit may have moved since {@link #embargoEnd} was copied.
     */
    public Instant currentEmbargoEnd() {
        return governingEmbargoEnd != null ? governingEmbargoEnd : embargoEnd;
    }

    /**
     * The pid the PaNOSC API answers (issue #12): the DOI once it resolves, else the local pid — the rule of
     * {@code panosc.Entities.DATASET}'s {@code pid}, indexed so that the {@code /Datasets} list can project it. A change of
     * the DOI or its state is an UPDATE of this row, which the row trigger queues for reindexing (V2).
     */
    @Transient
    @KeywordField(name = PANOSC_PID, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "doi")),
            @ObjectPath(@PropertyValue(propertyName = "doiState")), @ObjectPath(@PropertyValue(propertyName = "pid"))})
    public String getPanoscPid() {
        return doi != null && doiState != null && doiState.resolves() ? doi : pid;
    }
}
