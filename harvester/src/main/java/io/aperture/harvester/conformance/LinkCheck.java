package io.aperture.harvester.conformance;

import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5ExternalLink;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Links: an external link's file exists (relative to the file's folder, as the HDF5 library looks first), and a
 * NeXus {@code @target} (the original path of a linked object) resolves in the file. External links are never
 * followed: only the target file's existence is asked.
 */
final class LinkCheck {

    private LinkCheck() {
    }

    static void run(CheckContext cx) {
        Path folder = cx.tree.file.path().toAbsolutePath().getParent();
        for (H5ExternalLink l : cx.tree.externalLinks) {
            if (!exists(folder, l.targetFile())) {
                cx.sink.warning(l.path(), Rule.LINK_TARGET, "external link to " + l.targetFile() + ":" + l.targetPath()
                        + ", a file that does not exist here");
            }
        }
        for (H5Group g : cx.tree.groups) {
            target(cx, g);
        }
        for (H5Dataset d : cx.tree.datasets) {
            target(cx, d);
        }
    }

    private static void target(CheckContext cx, H5Node n) {
        String target = n.textAttribute("target");
        if (target != null && !target.isBlank() && cx.tree.resolve(target.strip(), "/").isEmpty()) {
            cx.sink.error(n.path() + "@target", Rule.LINK_TARGET, "@target names " + target.strip()
                    + ", which is not in the file");
        }
    }

    private static boolean exists(Path folder, String file) {
        try {
            Path p = Path.of(file);
            return Files.exists(p.isAbsolute() || folder == null ? p : folder.resolve(p));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
