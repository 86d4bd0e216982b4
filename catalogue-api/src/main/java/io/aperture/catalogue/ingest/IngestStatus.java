package io.aperture.catalogue.ingest;

public enum IngestStatus { CREATED, UPDATED, UNCHANGED, REJECTED }
