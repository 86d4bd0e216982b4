package io.aperture.record;

/** An NXuser; {@code username} is the facility account some writers (GDA) record instead of a name. */
public record User(String name, String role, String affiliation, String orcid, String email, String username) {
}
