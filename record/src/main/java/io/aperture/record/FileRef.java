package io.aperture.record;

import java.time.Instant;

/** A file of the dataset; {@code sha256} is lower-case hex, present only when checksums were asked for. */
public record FileRef(String path, Role role, Long size, Instant modified, boolean missing, String sha256,
                      String linkedFrom) {

    public enum Role { MASTER, EXTERNAL_LINK, VDS_SOURCE }

    public FileRef withSha256(String digest) {
        return new FileRef(path, role, size, modified, missing, digest, linkedFrom);
    }
}
