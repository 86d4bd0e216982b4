package io.aperture.harvester.nexus;

import java.nio.file.Path;
import java.time.Instant;

/** File-system facts about the master file. */
public record FileFacts(Path path, long size, Instant modified) {
}
