package io.aperture.harvester.record;

public record User(String name, String role, String affiliation, String orcid, String email) {
}
