package io.aperture.catalogue.harvest;

import java.time.Instant;

/** One outcome the harvester reported; {@code subject} is a file path or a message id. */
public record HarvestEvent(HarvestEventKind kind, String subject, String reason, Instant at) {
}
