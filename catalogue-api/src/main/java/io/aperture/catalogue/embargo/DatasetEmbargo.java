package io.aperture.catalogue.embargo;

import io.aperture.catalogue.model.AccessState;

import java.time.Instant;

/** The embargo columns of a dataset as the policy computed them. */
public record DatasetEmbargo(Instant end, AccessState state, String license, Instant releasedAt) {}
