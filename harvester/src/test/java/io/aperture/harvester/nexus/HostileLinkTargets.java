package io.aperture.harvester.nexus;

import io.aperture.testsupport.RepoFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * links/external_master.hdf5 in a folder of its own where its two external link targets are hostile:
 * external_counts.hdf5 is a symbolic link to a file outside the folder, external_angles.hdf5 a FIFO (opening it for
 * reading blocks until someone writes).
 */
public final class HostileLinkTargets {

    private HostileLinkTargets() {
    }

    /** Lays the files out below {@code dir}; returns the master. */
    public static Path master(Path dir) throws Exception {
        Path visit = Files.createDirectories(dir.resolve("visit"));
        Path master = Files.copy(RepoFiles.nexus("links/external_master.hdf5"), visit.resolve("external_master.hdf5"));
        Path secret = Files.copy(RepoFiles.nexus("links/external_counts.hdf5"),
                Files.createDirectories(dir.resolve("etc")).resolve("secret.hdf5"));
        Files.createSymbolicLink(visit.resolve("external_counts.hdf5"), secret);
        Process p = new ProcessBuilder("mkfifo", visit.resolve("external_angles.hdf5").toString()).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("mkfifo failed");
        }
        return master;
    }

    public static Path secret(Path dir) {
        return dir.resolve("etc/secret.hdf5");
    }
}
