package io.aperture.record;

import java.time.Instant;

public record SourceRef(String path, String entry, Long size, Instant modified, String sha256) {
}
