package io.aperture.harvester.conformance;

import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code depends_on} chains: each link resolves (absolute, or relative to the group holding it), the chain ends in
 * ".", has no loop; each transformation says its type and vector, and a translation is a length, a rotation an angle.
 */
final class GeometryCheck {
    private static final int MAX_CHAIN = 64;

    private GeometryCheck() {
    }

    static void run(CheckContext cx) {
        for (H5Dataset d : cx.tree.datasets) {
            if (d.name().equals("depends_on") && d.isText()) {
                FileTree.text(d).ifPresent(target -> chain(cx, d.path(), target, FileTree.parentPath(d.path())));
            } else if (d.textAttribute("depends_on") != null) {
                transformation(cx, d);
            }
        }
    }

    /** Follows a chain from {@code from} to its end. */
    private static void chain(CheckContext cx, String from, String target, String base) {
        Set<String> seen = new HashSet<>();
        String where = from;
        for (int step = 0; step < MAX_CHAIN; step++) {
            if (target.strip().equals(".")) {
                return;
            }
            Optional<H5Node> next = cx.tree.resolve(target.strip(), base);
            if (next.isEmpty()) {
                cx.sink.error(where, Rule.DEPENDS_ON, "depends_on points to " + target.strip() + ", which does not exist");
                return;
            }
            if (!(next.get() instanceof H5Dataset t)) {
                if (next.get() instanceof H5Group) {
                    cx.sink.error(where, Rule.DEPENDS_ON, "depends_on points to the group " + target.strip()
                            + ", not to a transformation");
                }
                return; // an external link: its file is checked by the link check
            }
            if (!seen.add(t.path())) {
                cx.sink.error(where, Rule.DEPENDS_ON, "depends_on chain loops back to " + t.path());
                return;
            }
            kind(cx, t);
            String nextTarget = t.textAttribute("depends_on");
            if (nextTarget == null) {
                cx.sink.error(t.path(), Rule.DEPENDS_ON, "the depends_on chain from " + from + " ends at " + t.name()
                        + " without depends_on=\".\"");
                return;
            }
            where = t.path() + "@depends_on";
            base = FileTree.parentPath(t.path());
            target = nextTarget;
        }
        cx.sink.error(from, Rule.DEPENDS_ON, "depends_on chain is longer than " + MAX_CHAIN + " steps");
    }

    /** A transformation's own depends_on resolves, whether or not a chain reaches it. */
    private static void transformation(CheckContext cx, H5Dataset t) {
        String next = t.textAttribute("depends_on");
        if (!next.strip().equals(".") && cx.tree.resolve(next.strip(), FileTree.parentPath(t.path())).isEmpty()) {
            cx.sink.error(t.path() + "@depends_on", Rule.DEPENDS_ON, "depends_on points to " + next.strip()
                    + ", which does not exist");
        }
        kind(cx, t);
    }

    /** Type, vector and units of a transformation. */
    private static void kind(CheckContext cx, H5Dataset t) {
        String type = t.textAttribute("transformation_type");
        if (type == null) {
            cx.sink.warning(t.path(), Rule.TRANSFORMATION, t.name() + " is in a depends_on chain but has no transformation_type");
            return;
        }
        if (!type.equals("translation") && !type.equals("rotation")) {
            cx.sink.error(t.path() + "@transformation_type", Rule.TRANSFORMATION, "transformation_type is \"" + type
                    + "\", NeXus allows translation, rotation");
            return;
        }
        if (t.attributes().get("vector") == null) {
            cx.sink.warning(t.path(), Rule.TRANSFORMATION, t.name() + " (" + type + ") has no vector attribute");
        }
        String units = t.textAttribute("units");
        if (units != null && !units.isBlank()) {
            Units.report(cx, t.path(), t.name(), type.equals("translation") ? "NX_LENGTH" : "NX_ANGLE", units, Level.ERROR);
        }
    }
}
