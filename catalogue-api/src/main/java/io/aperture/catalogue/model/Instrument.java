package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.engine.backend.types.Aggregable;

@Entity
@Table(name = "instrument")
public class Instrument extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "facility_id")
    public Facility facility;
    /** In the dataset document too, with {@link #getFacilityCode()}: the PaNOSC list attaches the instrument from the index. */
    @KeywordField
    public String pid;
    @KeywordField(aggregable = Aggregable.YES)
    public String name;
    @Column(name = "short_name")
    public String shortName;
    /** On the facility's instrument list of the last user-office import that sent one: a PaNOSC Instrument always. */
    public boolean listed;

    /**
     * The facility's code, as the PaNOSC Instrument answers it. An instrument's pid and facility are written once, when
     * it is registered (ingest's ReferenceData), so no change of either needs to reach the documents that embed it.
     */
    @Transient
    @KeywordField(name = "facilityCode")
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public String getFacilityCode() {
        return facility == null ? null : facility.code;
    }
}
