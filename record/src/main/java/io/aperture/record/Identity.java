package io.aperture.record;

public record Identity(String entryIdentifier, String experimentIdentifier, String collectionIdentifier,
                       String proposal, String visit, String scanNumber, String beamline) {
}
