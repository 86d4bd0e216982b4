package io.aperture.policy.embargo;

import java.net.URI;
import java.util.Objects;

/**
 * The licence that applies to data once its embargo ends.
 *
 * @param spdxId the SPDX licence identifier, e.g. {@code CC-BY-4.0}
 * @param url    the canonical licence text
 */
public record ReleaseLicence(String spdxId, URI url) {

    /** Creative Commons Attribution 4.0 International, the facility default. */
    public static final ReleaseLicence CC_BY_4_0 =
            new ReleaseLicence("CC-BY-4.0", URI.create("https://creativecommons.org/licenses/by/4.0/"));

    public ReleaseLicence {
        Objects.requireNonNull(spdxId, "spdxId");
        Objects.requireNonNull(url, "url");
        if (spdxId.isBlank()) {
            throw new IllegalArgumentException("SPDX id must not be blank");
        }
    }
}
