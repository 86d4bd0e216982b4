package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A PaNOSC Member of a {@link Document}, read-only over the view {@code panosc_member} (V27): a proposal's member (same
 * id as the {@link Member} row, its role) or a publication's author (role {@code AUTHOR}, no affiliation). Only the
 * PaNOSC API reads it; access decisions read {@link Member}.
 */
@Entity
@Immutable
@Table(name = "panosc_member")
public class DocumentMember extends PanacheEntityBase {
    @Id
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id")
    public Document document;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    public DocumentPerson person;
    /** PI, ALTERNATE_CONTACT, TEAM_MEMBER or AUTHOR. */
    public String role;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "affiliation_id")
    public Affiliation affiliation;
}
