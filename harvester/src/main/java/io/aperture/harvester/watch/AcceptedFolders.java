package io.aperture.harvester.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The folders a "scan finished" message may name files in. Whoever can send to the queue must not be able to have
 * any file the harvester's account can read catalogued (and published once its embargo ends), so a message's path
 * must lie below one of these folders — after {@code ..} is resolved and, for a file that exists, after symbolic
 * links are followed (a link inside a folder pointing outside it does not count as inside).
 */
public record AcceptedFolders(List<Path> folders) {

    public AcceptedFolders {
        folders = folders.stream().map(f -> f.toAbsolutePath().normalize()).distinct().toList();
    }

    /** Why the path is refused, or empty when it lies below an accepted folder. */
    public Optional<String> refusal(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            // nothing to follow yet; harvesting it fails as a missing file unless it appears in an accepted folder
            return below(p, folders) ? Optional.empty() : outside(p, p);
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            return Optional.of("cannot resolve " + p + ": " + e.getMessage());
        }
        // the folders themselves may be reached through links, as /data -> /mnt/gpfs/data
        return below(real, folders.stream().map(AcceptedFolders::real).toList()) ? Optional.empty() : outside(p, real);
    }

    private static boolean below(Path p, List<Path> folders) {
        return folders.stream().anyMatch(p::startsWith);
    }

    private Optional<String> outside(Path p, Path real) {
        return Optional.of(p + (real.equals(p) ? "" : " (really " + real + ")")
                + " is outside the folders messages may name " + folders);
    }

    private static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder;
        }
    }
}
