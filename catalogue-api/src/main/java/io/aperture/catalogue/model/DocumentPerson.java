package io.aperture.catalogue.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A PaNOSC Person, read-only over the view {@code panosc_person} (V27): a person of the catalogue (same id) or a
 * publication's author as the user office named them (the name only). Never the login or the e-mail address.
 */
@Entity
@Immutable
@Table(name = "panosc_person")
public class DocumentPerson extends PersonName {
    @Id
    public Long id;
}
