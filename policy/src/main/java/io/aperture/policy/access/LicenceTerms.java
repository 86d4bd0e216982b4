package io.aperture.policy.access;

import io.aperture.policy.embargo.ReleaseLicence;

import java.util.Objects;

/**
 * The licence a record is, or will be, published under, and whether it is in force yet ({@link AccessPolicy#licence}).
 * Pages link a licence that is in force (signposting {@code rel="license"}); one not yet in force is announced.
 */
public record LicenceTerms(ReleaseLicence licence, boolean inForce) {
    public LicenceTerms {
        Objects.requireNonNull(licence, "licence");
    }
}
