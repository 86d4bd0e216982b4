package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

import java.util.List;

/** A named value with its unit as written and, when the unit is known, in SI. */
@Entity
@Table(name = "parameter")
public class Parameter extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @GenericField // in the dataset document too: the PaNOSC parameters include answers its id from the index (issue #12)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dataset_id")
    public Dataset dataset;
    @KeywordField
    public String name;
    @Column(name = "numeric_value")
    @GenericField
    public Double numericValue;
    @Column(name = "text_value")
    @KeywordField
    public String textValue;
    @KeywordField
    public String unit;
    @Column(name = "si_value")
    @GenericField
    public Double siValue;
    @Column(name = "si_unit")
    @KeywordField
    public String siUnit;
    @Column(name = "unit_known")
    public boolean unitKnown = true;

    /**
     * Every trailing run of the name's path segments, so that a search for {@code wavelength} or
     * {@code sample temperature} finds this parameter by the end of its path (rules in {@link ParameterPath}).
     */
    @Transient
    @KeywordField(name = "nameSuffix")
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "name")))
    public List<String> getNameSuffixes() {
        return ParameterPath.suffixes(name);
    }
}
