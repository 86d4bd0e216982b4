package io.aperture.harvester.conformance;

import io.aperture.harvester.conformance.nxdl.Enumeration;
import io.aperture.harvester.conformance.nxdl.NameType;
import io.aperture.harvester.conformance.nxdl.NxdlAttribute;
import io.aperture.harvester.conformance.nxdl.NxdlDefinition;
import io.aperture.harvester.conformance.nxdl.NxdlField;
import io.aperture.harvester.conformance.nxdl.NxdlGroup;
import io.aperture.harvester.conformance.nxdl.NxdlLink;
import io.aperture.harvester.conformance.nxdl.Optionality;
import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5ExternalLink;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;
import io.aperture.harvester.hdf5.H5Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an NXentry or NXsubentry against an application definition: required and recommended groups, fields,
 * attributes and links; enumerations; stated ranks; NXDL types (numbers or text); units of the right category.
 */
final class DefinitionCheck {
    private static final Set<String> NUMERIC = Set.of("NX_FLOAT", "NX_INT", "NX_POSINT", "NX_UINT", "NX_NUMBER");
    private static final Set<String> TEXT = Set.of("NX_CHAR", "NX_DATE_TIME");

    private final CheckContext cx;
    private final String definition;

    private DefinitionCheck(CheckContext cx, String definition) {
        this.cx = cx;
        this.definition = definition;
    }

    static void run(CheckContext cx, NxdlDefinition appdef, H5Group entry) {
        DefinitionCheck check = new DefinitionCheck(cx, appdef.name());
        for (NxdlGroup g : appdef.body().groups()) {
            if ("NXentry".equals(g.type())) {
                check.group(g, entry);
                return;
            }
        }
    }

    private void group(NxdlGroup spec, H5Group g) {
        cx.budget.check();
        attributes(spec.attributes(), g.attributes(), g.path());
        for (NxdlField f : spec.fields()) {
            if (f.nameType() != NameType.SPECIFIED) {
                continue; // writer-chosen names (AXISNAME, DATA...) cannot be looked up
            }
            Optional<H5Node> child = g.child(f.name());
            String path = childPath(g, f.name());
            if (child.isEmpty()) {
                if (!cx.tree.has(g, f.name())) {
                    missing(f.optionality(), path, "field " + f.name());
                }
            } else if (child.get() instanceof H5Dataset d) {
                field(f, d);
            } else if (child.get() instanceof H5Group) {
                cx.sink.error(path, Rule.TYPE, f.name() + " should be a field, but is a group");
            }
        }
        for (NxdlLink l : spec.links()) {
            if (!cx.tree.has(g, l.name())) {
                missing(l.optionality(), childPath(g, l.name()), "link " + l.name() + " (to " + l.target() + ")");
            }
        }
        for (NxdlGroup sub : spec.groups()) {
            subgroups(sub, spec.groups(), g);
        }
    }

    private void subgroups(NxdlGroup spec, List<NxdlGroup> siblings, H5Group g) {
        boolean named = spec.name() != null && spec.nameType() == NameType.SPECIFIED;
        if (named) {
            Optional<H5Node> same = g.child(spec.name());
            if (same.isPresent() && !(same.get() instanceof H5Group sg && spec.type().equals(sg.nxClass()))) {
                String found = same.get() instanceof H5Group sg ? "NX_class " + sg.nxClass() : "a field";
                cx.sink.error(childPath(g, spec.name()), Rule.NX_CLASS, spec.name() + " should be an " + spec.type()
                        + " group, found " + found);
                return;
            }
        }
        List<H5Group> matches = g.groupsOfClass(spec.type()).stream()
                .filter(c -> named ? c.name().equals(spec.name()) : bestOf(siblings, c) == spec).toList();
        if (matches.isEmpty()) {
            String what = named ? spec.type() + " group " + spec.name() : "an " + spec.type() + " group";
            missing(spec.optionality(), childPath(g, named ? spec.name() : spec.type()), what);
        } else if (spec.optionality() == Optionality.REQUIRED && matches.size() < spec.minOccurs()) {
            cx.sink.error(g.path(), Rule.REQUIRED, definition + " requires at least " + spec.minOccurs() + " "
                    + spec.type() + " groups here, found " + matches.size());
        }
        for (H5Group m : matches) {
            group(spec, m);
        }
    }

    /**
     * The unnamed sibling spec of this group's class that fits it best: where a definition declares several groups of
     * one class (NXcanSAS: NXdata for SASdata and for SAStransmission_spectrum), the one whose attribute enumerations
     * the group meets, or else the first.
     */
    private static NxdlGroup bestOf(List<NxdlGroup> siblings, H5Group g) {
        NxdlGroup best = null;
        int bestMisses = Integer.MAX_VALUE;
        for (NxdlGroup s : siblings) {
            if (s.name() != null && s.nameType() == NameType.SPECIFIED || !s.type().equals(g.nxClass())) {
                continue;
            }
            int misses = 0;
            for (NxdlAttribute a : s.attributes()) {
                H5Value v = g.attributes().get(a.name());
                String text = v == null ? null : v.asText();
                if (text != null && !a.enumeration().isEmpty() && !a.enumeration().open()
                        && !a.enumeration().values().contains(text.strip())) {
                    misses++;
                }
            }
            if (misses < bestMisses) {
                best = s;
                bestMisses = misses;
            }
        }
        return best;
    }

    private void field(NxdlField f, H5Dataset d) {
        cx.checkedByDefinition.add(d.path());
        if (f.type() != null && NUMERIC.contains(f.type()) && d.isText()) {
            cx.sink.error(d.path(), Rule.TYPE, d.name() + " should be " + f.type() + " (numbers), but holds text");
        } else if (f.type() != null && TEXT.contains(f.type()) && d.isNumeric()) {
            cx.sink.warning(d.path(), Rule.TYPE, d.name() + " should be " + f.type() + " (text), but holds numbers");
        }
        if (f.rank() != null && !sameRank(f.rank(), d.shape())) {
            cx.sink.error(d.path(), Rule.RANK, d.name() + " should have rank " + f.rank() + ", has rank "
                    + d.shape().length);
        }
        if (!f.enumeration().isEmpty()) {
            FileTree.text(d).ifPresent(v -> enumeration(f.enumeration(), v, d.path(), d.name()));
        }
        if (UnitCategory.isChecked(f.units())) {
            String written = d.textAttribute("units");
            if (written == null || written.isBlank()) {
                cx.sink.warning(d.path(), Rule.UNITS_MISSING, d.name() + " has no units attribute (" + f.units() + ")");
            } else {
                Units.report(cx, d.path(), d.name(), f.units(), written, Level.ERROR);
            }
        }
        attributes(f.attributes(), d.attributes(), d.path());
    }

    /** A scalar may be written as a one-element array and the other way round. */
    private static boolean sameRank(int rank, long[] shape) {
        if (shape.length == rank) {
            return true;
        }
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return rank <= 1 && shape.length <= 1 && n == 1;
    }

    private void attributes(List<NxdlAttribute> specs, Map<String, H5Value> present, String path) {
        for (NxdlAttribute a : specs) {
            H5Value v = present.get(a.name());
            if (v == null) {
                missing(a.optionality(), path + "@" + a.name(), "attribute " + a.name());
            } else if (!a.enumeration().isEmpty() && v.size() == 1) {
                enumeration(a.enumeration(), v.asText(), path + "@" + a.name(), "@" + a.name());
            }
        }
    }

    private void enumeration(Enumeration e, String value, String path, String name) {
        if (value == null || e.values().contains(value.strip())) {
            return;
        }
        String message = name + " is \"" + value.strip() + "\", " + definition + " allows " + String.join(", ", e.values());
        if (e.open()) {
            cx.sink.info(path, Rule.ENUMERATION, message + " (open list: other values are allowed)");
        } else {
            cx.sink.error(path, Rule.ENUMERATION, message);
        }
    }

    private void missing(Optionality o, String path, String what) {
        switch (o) {
            case REQUIRED -> cx.sink.error(path, Rule.REQUIRED, definition + " requires " + what);
            case RECOMMENDED -> cx.sink.warning(path, Rule.RECOMMENDED, definition + " recommends " + what);
            case OPTIONAL -> {
                // nothing to report
            }
        }
    }

    private static String childPath(H5Group g, String name) {
        return (g.path().equals("/") ? "" : g.path()) + "/" + name;
    }
}
