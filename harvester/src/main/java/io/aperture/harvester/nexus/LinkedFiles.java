package io.aperture.harvester.nexus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which files an external link or a virtual dataset source may make the harvester look at: only regular files whose
 * real path lies in the master file's folder or below it. A file can name any path (absolute, {@code ../..}, or a link
 * planted beside it), and its target's size, time and checksum would go into a public record; a FIFO would block a
 * worker for ever. Anything else is listed as an unresolved link, with the reason as a warning, and never opened.
 */
public final class LinkedFiles {

    private LinkedFiles() {
    }

    /** Why {@code target} (as resolved from the master) is not looked at, or empty when it may be (or is missing). */
    public static Optional<String> refusal(Path master, Path target) {
        Path dir = master.toAbsolutePath().normalize().getParent();
        Path realDir;
        try {
            realDir = dir.toRealPath();
        } catch (IOException e) {
            return Optional.of("not followed: cannot resolve the master file's folder");
        }
        Path t = target.toAbsolutePath().normalize();
        // decided on the name first, so that nothing outside is even stat'ed
        if (!t.startsWith(dir) && !t.startsWith(realDir)) {
            return Optional.of("not followed: outside the master file's folder");
        }
        Path real;
        try {
            real = t.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty(); // listed as missing
        } catch (IOException e) {
            return Optional.of("not followed: cannot resolve: " + e.getMessage());
        }
        if (!real.startsWith(realDir)) {
            return Optional.of("not followed: really " + real + ", outside the master file's folder");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("not followed: not a regular file");
        }
        return Optional.empty();
    }
}
