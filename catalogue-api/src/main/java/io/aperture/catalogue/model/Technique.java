package io.aperture.catalogue.model;

import io.aperture.catalogue.panet.Panet;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

import java.util.List;

/** A PaNET technique. */
@Entity
@Table(name = "technique")
public class Technique extends PanacheEntityBase {
    /** The index field of {@link #getLineage()}. */
    public static final String LINEAGE = "lineage";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @KeywordField(aggregable = Aggregable.YES)
    public String iri;
    @FullTextField(analyzer = "english")
    @KeywordField(name = "label_keyword", aggregable = Aggregable.YES)
    public String label;

    /**
     * The labels the technique facet counts this technique under: its own and its PaNET ancestors' ({@link
     * Panet#lineage}), so that a broader term's count includes every dataset below it — the same datasets a filter on
     * that term finds. Derived, never stored in PostgreSQL.
     */
    @Transient
    @KeywordField(name = LINEAGE, aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "iri")),
            @ObjectPath(@PropertyValue(propertyName = "label"))})
    public List<String> getLineage() {
        return Panet.shipped().lineage(iri, label);
    }
}
