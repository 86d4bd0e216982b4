package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/** A PaNET technique. */
@Entity
@Table(name = "technique")
public class Technique extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @KeywordField(aggregable = Aggregable.YES)
    public String iri;
    @FullTextField(analyzer = "english")
    @KeywordField(name = "label_keyword", aggregable = Aggregable.YES)
    public String label;
}
