package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;

/** A processed dataset's source: resolved to a catalogued dataset when possible, otherwise only referenced. */
@Entity
@Table(name = "dataset_derivation")
public class DatasetDerivation extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dataset_id")
    public Dataset dataset;
    @Column(name = "source_reference")
    public String sourceReference;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_dataset_id")
    public Dataset sourceDataset;
}
