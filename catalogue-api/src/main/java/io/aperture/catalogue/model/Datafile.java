package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;

import java.time.Instant;

@Entity
@Table(name = "datafile")
public class Datafile extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dataset_id")
    public Dataset dataset;
    public String path;
    public String role;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    @Column(name = "modified_at")
    public Instant modifiedAt;
    public String checksum;
    public boolean missing;
}
