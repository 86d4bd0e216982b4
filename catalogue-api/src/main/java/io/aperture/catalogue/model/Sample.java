package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

@Entity
@Table(name = "sample")
public class Sample extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String pid;
    @FullTextField(analyzer = "english")
    @KeywordField(name = "name_keyword", aggregable = Aggregable.YES)
    public String name;
    @Column(name = "chemical_formula")
    @KeywordField
    public String chemicalFormula;
    public String description;
}
