package io.aperture.harvester.nexus;

import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5ExternalLink;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;
import io.aperture.harvester.hdf5.H5ReadException;
import io.aperture.harvester.hdf5.H5Tree;
import io.aperture.harvester.hdf5.H5Value;
import io.aperture.record.HarvestRecord;
import io.aperture.units.Quantity;
import io.aperture.units.UnitConverter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One walk over an NXentry: every group, dataset and external link reached (each stored object once, at the first
 * path it was reached by), plus cached reads of small values. Never reads a dataset larger than the small limit,
 * except {@link #first(H5Dataset)}, which reads one element.
 */
final class EntryContext {
    final H5File file;
    final H5Group entry;
    final int smallLimit;
    final UnitConverter units;
    final List<H5Group> groups;
    final List<H5Dataset> datasets;
    final List<H5ExternalLink> links;
    final List<String> warnings = new ArrayList<>();
    private final Map<String, Optional<H5Value>> cache = new HashMap<>();

    EntryContext(H5File file, H5Group entry, int smallLimit, UnitConverter units) {
        this.file = file;
        this.entry = entry;
        this.smallLimit = smallLimit;
        this.units = units;
        H5Tree tree = H5Tree.walk(entry, () -> { });
        this.groups = tree.groups();
        this.datasets = tree.datasets();
        this.links = tree.externalLinks();
    }

    void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
        }
    }

    /** The value of a small dataset; empty for large, unreadable or absent ones. */
    Optional<H5Value> value(H5Dataset d) {
        if (d == null || d.elementCount() > smallLimit) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(d.path(), p -> {
            try {
                return Optional.of(d.read());
            } catch (H5ReadException e) {
                warn("could not read " + p + ": " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** First element of a dataset of any size (reads at most one chunk). */
    Optional<H5Value> first(H5Dataset d) {
        if (d.elementCount() <= smallLimit) {
            return value(d);
        }
        try {
            return Optional.of(d.readFirst());
        } catch (H5ReadException e) {
            warn("could not read first element of " + d.path() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    String text(H5Group g, String name) {
        if (g == null) {
            return null;
        }
        return g.dataset(name).flatMap(this::value).map(v -> v.isText() ? v.text() : v.asText())
                .filter(s -> !s.isBlank()).map(s -> fit(g.path() + "/" + name, s)).orElse(null);
    }

    /**
     * Text as a record may carry it: past the record contract's bound it is cut there, with a warning. The catalogue
     * refuses a record holding a longer text, and the whole dataset with it, for a long sample description.
     */
    String fit(String where, String s) {
        if (s.length() <= HarvestRecord.MAX_TEXT) {
            return s;
        }
        String stripped = s.strip();
        if (stripped.length() <= HarvestRecord.MAX_TEXT) {
            return stripped;
        }
        int end = HarvestRecord.MAX_TEXT - 1;
        // never half a surrogate pair: the catalogue would read an unpaired one as malformed text
        if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        warn(where + " holds " + stripped.length() + " characters; cut to " + HarvestRecord.MAX_TEXT
                + " (the catalogue takes no more)");
        return stripped.substring(0, end) + "\u2026";
    }

    String textAttr(H5Node n, String name) {
        if (n == null) {
            return null;
        }
        String s = n.textAttribute(name);
        return s == null || s.isBlank() ? null : fit(n.path() + "@" + name, s.strip());
    }

    /** A small numeric field as a quantity with its @units (first element). */
    Quantity quantity(H5Group g, String name) {
        if (g == null) {
            return null;
        }
        return g.dataset(name).map(this::quantity).orElse(null);
    }

    Quantity quantity(H5Dataset d) {
        Optional<H5Value> v = value(d);
        if (v.isEmpty() || v.get().number() == null || v.get().size() == 0) {
            return null;
        }
        if (v.get().isText()) {
            return null;
        }
        return units.asRecorded(v.get().numbers()[0], textAttr(d, "units"));
    }

    /** Looks an absolute path up from the file root, following the same cached group objects. */
    Optional<H5Node> resolve(String absolutePath) {
        return file.root().descendant(absolutePath);
    }

    static Optional<H5Group> first(H5Group g, String nxClass) {
        return g.groupsOfClass(nxClass).stream().findFirst();
    }

    /** First group of a class anywhere in the entry, in walk order. */
    H5Group deepFirst(String nxClass) {
        return groups.stream().filter(g -> nxClass.equals(g.nxClass())).findFirst().orElse(null);
    }

    static String parentPath(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    /** NeXus paths in depends_on and similar are absolute, or relative to the group holding the reference. */
    static String absolute(String reference, String relativeTo) {
        if (reference.startsWith("/")) {
            return reference;
        }
        String base = relativeTo.endsWith("/") ? relativeTo : relativeTo + "/";
        List<String> parts = new ArrayList<>();
        for (String p : (base + reference).split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else {
                parts.add(p);
            }
        }
        return "/" + String.join("/", parts);
    }
}
