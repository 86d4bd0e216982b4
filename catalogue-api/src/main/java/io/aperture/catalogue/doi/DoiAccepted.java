package io.aperture.catalogue.doi;

import java.time.Instant;

/**
 * DataCite accepted a call for the dataset with id {@code datasetId} at {@code at}: its DOI now stands where the
 * catalogue wanted it. A CDI event fired inside the call's transaction, so that what follows from a DOI coming to
 * resolve (the FAIR assessment's identifier metric) commits with it, without this package knowing who listens.
 */
public record DoiAccepted(long datasetId, Instant at) {
}
