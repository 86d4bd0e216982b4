package io.aperture.harvester.scan;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The folders whose files may be harvested. Judged when a file is about to be read, on real paths: a file found by an
 * event, a rescan or a "scan finished" message may have become a symbolic link to a file elsewhere since, and a link
 * inside a folder pointing outside it does not count as inside. The folders themselves may be reached through links.
 */
public record HarvestFolders(List<Path> folders) {

    public HarvestFolders {
        folders = folders.stream().map(f -> f.toAbsolutePath().normalize()).distinct().toList();
    }

    /** Why the file may not be harvested, or empty. A missing file passes: reading it fails as missing. */
    public Optional<String> refusal(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("OUTSIDE: cannot resolve " + file + ": " + e.getMessage());
        }
        for (Path folder : folders) {
            try {
                if (real.startsWith(folder.toRealPath())) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                // a folder that is gone holds nothing
            }
        }
        return Optional.of("OUTSIDE: " + (real.equals(file) ? "" : "really " + real + ", ")
                + "outside the harvested folders " + folders);
    }
}
