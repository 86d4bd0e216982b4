package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "processing_step")
public class ProcessingStep extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dataset_id")
    public Dataset dataset;
    public int seq;
    public String name;
    public String program;
    @Column(name = "program_version")
    public String programVersion;
    @Column(name = "performed_at")
    public String performedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public String parameters;
}
