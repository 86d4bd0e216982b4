package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * A metadata-quality finding of the harvester's conformance check, stored with its dataset (docs/metadata-quality.md).
 * Written in SQL by {@code quality/QualityStore}; mapped here for the index, where only the rule is kept (the staff
 * findings facet).
 */
@Entity
@Table(name = "dataset_finding")
public class DatasetFinding extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dataset_id")
    public Dataset dataset;
    public String level;
    @KeywordField(aggregable = Aggregable.YES)
    public String rule;
    public String path;
    public String message;
}
