package io.aperture.harvester.conformance;

import io.aperture.harvester.conformance.nxdl.NameType;
import io.aperture.harvester.conformance.nxdl.NxdlDefinition;
import io.aperture.harvester.conformance.nxdl.NxdlField;
import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every group of an entry against the base class its NX_class names: classes NeXus does not have, known
 * fields with units of the wrong category or outside a closed enumeration, fields NeXus defines in another class
 * used in the same entry (placed in the wrong group), and units nobody understands.
 */
final class BaseClassCheck {
    /** Classes meant to hold fields of any name. */
    private static final Set<String> OPEN = Set.of("NXcollection", "NXparameters", "NXnote", "NXlog", "NXprocess",
            "NXdata", "NXtransformations", "NXentry", "NXsubentry");

    private BaseClassCheck() {
    }

    static void run(CheckContext cx) {
        Map<String, NxdlDefinition> used = new LinkedHashMap<>();
        for (H5Group g : cx.tree.groups) {
            String nxClass = g.nxClass();
            if (nxClass == null || used.containsKey(nxClass)) {
                continue;
            }
            Optional<NxdlDefinition> base = cx.library.baseClass(nxClass);
            if (base.isPresent()) {
                used.put(nxClass, base.get());
            } else {
                cx.sink.warning(g.path(), Rule.UNKNOWN_CLASS, "NX_class " + nxClass + " is not a NeXus base class");
            }
        }
        // field name -> the classes of this entry (not open ones) that define it, for the misplaced-field hint
        Map<String, List<String>> homes = new HashMap<>();
        for (NxdlDefinition d : used.values()) {
            if (!OPEN.contains(d.name())) {
                for (NxdlField f : d.body().fields()) {
                    if (f.nameType() == NameType.SPECIFIED) {
                        homes.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(d.name());
                    }
                }
            }
        }
        for (H5Group g : cx.tree.groups) {
            cx.budget.check();
            NxdlDefinition base = g.nxClass() == null ? null : used.get(g.nxClass());
            for (H5Node child : g.children()) {
                if (child instanceof H5Dataset d && !cx.checkedByDefinition.contains(d.path())) {
                    dataset(cx, base, d, homes);
                }
            }
        }
    }

    private static void dataset(CheckContext cx, NxdlDefinition base, H5Dataset d, Map<String, List<String>> homes) {
        NxdlField f = base == null ? null : base.body().field(d.name());
        String written = d.textAttribute("units");
        if (f != null && UnitCategory.isChecked(f.units()) && written != null && !written.isBlank()) {
            Units.report(cx, d.path(), d.name(), f.units(), written, Level.WARNING);
        } else if (written != null && !written.isBlank()) {
            Units.report(cx, d.path(), d.name(), null, written, Level.WARNING);
        }
        if (f != null && !f.enumeration().isEmpty() && !f.enumeration().open()) {
            FileTree.text(d).filter(v -> !f.enumeration().values().contains(v.strip())).ifPresent(v ->
                    cx.sink.warning(d.path(), Rule.ENUMERATION, d.name() + " is \"" + v.strip() + "\", " + base.name()
                            + " allows " + String.join(", ", f.enumeration().values())));
        }
        if (f == null && base != null && !OPEN.contains(base.name()) && d.textAttribute("target") == null) {
            List<String> elsewhere = homes.getOrDefault(d.name(), List.of()).stream()
                    .filter(c -> !c.equals(base.name())).toList();
            if (!elsewhere.isEmpty()) {
                cx.sink.info(d.path(), Rule.MISPLACED, d.name() + " is not a field of " + base.name()
                        + "; NeXus defines it in " + String.join(", ", elsewhere));
            }
        }
    }
}
