package io.aperture.catalogue.doi;

import io.aperture.catalogue.links.PublicUrls;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link DoiConfig} checked once at start: when DOIs are enabled, the prefix, repository id and password must be set
 * (the server does not start otherwise, rather than queue calls that can never succeed), and so must
 * {@code aperture.public-url}, the address DOIs resolve to; a suffix prefix, when set, must be a plain short name.
 * Also names new DOIs.
 */
@Startup
@ApplicationScoped
public class DoiSettings {
    private final boolean enabled;
    private final boolean reserveAtIngest;
    private final CollectionLevel collections;
    private final boolean datasets;
    private final String prefix;
    private final String repositoryId;
    private final String password;
    private final URI apiUrl;
    private final OpaqueSuffix suffixes;

    DoiSettings(DoiConfig config, PublicUrls urls) {
        this.enabled = config.enabled();
        this.reserveAtIngest = config.reserveAtIngest();
        this.collections = config.collections();
        this.datasets = config.datasets();
        this.apiUrl = config.apiUrl();
        this.prefix = text(config.prefix());
        this.repositoryId = text(config.repositoryId());
        this.password = text(config.password());
        try {
            this.suffixes = new OpaqueSuffix(new SecureRandom(), config.suffixPrefix().map(String::strip));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("aperture.doi.suffix-prefix " + e.getMessage());
        }
        if (enabled) {
            List<String> missing = new ArrayList<>();
            if (prefix == null) {
                missing.add("aperture.doi.prefix");
            }
            if (repositoryId == null) {
                missing.add("aperture.doi.repository-id");
            }
            if (password == null) {
                missing.add("aperture.doi.password (APERTURE_DATACITE_PASSWORD)");
            }
            try {
                urls.base();
            } catch (IllegalStateException e) {
                missing.add("aperture.public-url (the landing pages DOIs resolve to)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("aperture.doi.enabled=true needs " + String.join(", ", missing));
            }
            if (!datasets && collections == CollectionLevel.NONE) {
                throw new IllegalStateException("aperture.doi.datasets=false needs aperture.doi.collections VISIT or PROPOSAL: nothing would be minted");
            }
            if (!prefix.matches("10\\.\\d{4,9}")) {
                throw new IllegalStateException("aperture.doi.prefix must look like 10.1234, got " + prefix);
            }
        }
    }

    private static String text(Optional<String> value) {
        return value.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean reserveAtIngest() {
        return reserveAtIngest;
    }

    /** Which collection DOIs are minted besides the datasets' own. */
    public CollectionLevel collections() {
        return collections;
    }

    /** Whether each dataset gets a DOI of its own (else only the collections do). */
    public boolean datasets() {
        return datasets;
    }

    /** A new DOI under the configured prefix with an opaque suffix. */
    String newDoi() {
        return prefix + "/" + suffixes.next();
    }

    URI apiUrl() {
        return apiUrl;
    }

    String repositoryId() {
        return repositoryId;
    }

    String password() {
        return password;
    }
}
