package io.aperture.harvester.conformance;

import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5ExternalLink;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;
import io.aperture.harvester.hdf5.H5ReadException;
import io.aperture.harvester.hdf5.H5Tree;
import io.aperture.harvester.hdf5.H5Value;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * An NXentry walked once ({@link H5Tree}), and path resolution from the file's root. Values are read only for datasets of at most {@link #SMALL} elements.
 */
final class FileTree {
    /** The harvester's small-value limit: larger datasets are described from their header only. */
    static final int SMALL = 16;

    final H5File file;
    final List<H5Group> groups;
    final List<H5Dataset> datasets;
    final List<H5ExternalLink> externalLinks;

    FileTree(H5File file, H5Group entry, Budget budget) {
        this.file = file;
        H5Tree tree = H5Tree.walk(entry, budget::check);
        this.groups = tree.groups();
        this.datasets = tree.datasets();
        this.externalLinks = tree.externalLinks();
    }

    /** The node at {@code path}, absolute or relative to the group at {@code basePath}; "." and ".." are understood. */
    Optional<H5Node> resolve(String path, String basePath) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        String full = path.startsWith("/") ? path : basePath + "/" + path;
        for (String s : full.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.pollLast() == null) {
                    return Optional.empty();
                }
            } else {
                parts.addLast(s);
            }
        }
        return file.root().descendant(String.join("/", parts));
    }

    /** True when the group has a child of this name, a virtual dataset the reader describes apart included. */
    boolean has(H5Group g, String name) {
        if (g.child(name).isPresent()) {
            return true;
        }
        String path = (g.path().equals("/") ? "" : g.path()) + "/" + name;
        return file.virtualDatasets().stream().anyMatch(v -> v.path().equals(path));
    }

    static String parentPath(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** The value of a small dataset; empty for a large or unreadable one (the reader's warning says why). */
    static Optional<H5Value> small(H5Dataset d) {
        if (d.elementCount() > SMALL) {
            return Optional.empty();
        }
        try {
            return Optional.of(d.read());
        } catch (H5ReadException e) {
            return Optional.empty();
        }
    }

    static Optional<String> text(H5Dataset d) {
        return small(d).map(H5Value::asText).filter(s -> !s.isBlank());
    }
}
