package io.aperture.catalogue.oaipmh;

import jakarta.enterprise.context.ApplicationScoped;
import io.aperture.catalogue.facility.FacilityConfig;

/**
 * OAI-PMH configuration (all keys optional):
 * {@code aperture.oai.repository-identifier} (the domain-like name in {@code oai:NAME:pid} identifiers),
 * {@code aperture.oai.admin-email}, {@code aperture.oai.page-size} (records per list response, default 100),
 * and the repository name, taken from {@code aperture.facility.name}.
 */
@ApplicationScoped
public class OaiSettings {
    private final String repositoryIdentifier;
    private final String adminEmail;
    private final int pageSize;
    private final String repositoryName;

    OaiSettings(OaiConfig config, FacilityConfig facility) {
        String repositoryIdentifier = config.repositoryIdentifier();
        int pageSize = config.pageSize();
        if (!repositoryIdentifier.matches("[a-zA-Z][a-zA-Z0-9\\-]*(\\.[a-zA-Z][a-zA-Z0-9\\-]*)+")) {
            throw new IllegalArgumentException("aperture.oai.repository-identifier must be a domain name, e.g. data.example.org");
        }
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("aperture.oai.page-size must be from 1 to 10000");
        }
        this.repositoryIdentifier = repositoryIdentifier;
        this.adminEmail = config.adminEmail();
        this.pageSize = pageSize;
        this.repositoryName = facility.name() + " open data (Aperture)";
    }

    public String repositoryIdentifier() {
        return repositoryIdentifier;
    }

    public String adminEmail() {
        return adminEmail;
    }

    public int pageSize() {
        return pageSize;
    }

    public String repositoryName() {
        return repositoryName;
    }

    /** {@code oai:<repository>:<pid>}. */
    public String oaiIdentifier(String pid) {
        return "oai:" + repositoryIdentifier + ":" + pid;
    }

    /** The pid inside an OAI identifier of this repository, or null when it is not one. */
    public String pidOf(String oaiIdentifier) {
        String prefix = "oai:" + repositoryIdentifier + ":";
        return oaiIdentifier.startsWith(prefix) && oaiIdentifier.length() > prefix.length()
                ? oaiIdentifier.substring(prefix.length()) : null;
    }
}
