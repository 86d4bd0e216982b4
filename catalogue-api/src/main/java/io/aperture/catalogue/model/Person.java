package io.aperture.catalogue.model;

import jakarta.persistence.*;

@Entity
@Table(name = "person")
public class Person extends PersonName {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String email;
    /** The identity provider's preferred_username; links a login to proposal roles. */
    public String username;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "affiliation_id")
    public Affiliation affiliation;

    public static Person byUsername(String username) {
        return find("username", username).firstResult();
    }
}
