package io.aperture.harvester.record;

import java.time.Instant;

public record FileRef(String path, Role role, Long size, Instant modified, boolean missing, String sha256,
                      String linkedFrom) {

    public enum Role { MASTER, EXTERNAL_LINK, VDS_SOURCE }
}
