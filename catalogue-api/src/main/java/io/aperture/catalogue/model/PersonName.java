package io.aperture.catalogue.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** What names a person, as the catalogue's people ({@link Person}) and the PaNOSC view of them ({@link DocumentPerson}) store it. */
@MappedSuperclass
public abstract class PersonName extends PanacheEntityBase {
    @Column(name = "full_name")
    public String fullName;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name")
    public String familyName;
    public String orcid;
}
