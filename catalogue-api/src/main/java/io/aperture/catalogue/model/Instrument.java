package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
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
    public String pid;
    @KeywordField(aggregable = Aggregable.YES)
    public String name;
    @Column(name = "short_name")
    public String shortName;
    /** On the facility's instrument list of the last user-office import that sent one: a PaNOSC Instrument always. */
    public boolean listed;
}
