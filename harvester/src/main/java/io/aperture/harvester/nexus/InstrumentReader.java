package io.aperture.harvester.nexus;

import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Node;
import io.aperture.harvester.hdf5.H5Value;
import io.aperture.record.Detector;
import io.aperture.record.Instrument;
import io.aperture.record.SourceInfo;
import io.aperture.units.Quantity;
import io.aperture.units.UnitConverter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the NXinstrument: source, beam, monochromator, detectors (with depends_on chains) and other components. */
final class InstrumentReader {
    private final UnitConverter units;

    InstrumentReader(UnitConverter units) {
        this.units = units;
    }

    Instrument read(EntryContext cx, H5Group entry, H5Group instr) {
        String name = cx.text(instr, "name");
        String shortName = instr.dataset("name").map(d -> cx.textAttr(d, "short_name")).orElse(null);
        if (shortName == null) {
            shortName = cx.textAttr(instr, "short_name");
        }
        SourceInfo source = EntryContext.first(instr, "NXsource").or(() -> EntryContext.first(entry, "NXsource")).map(s -> new SourceInfo(
                cx.text(s, "name"), s.dataset("name").map(d -> cx.textAttr(d, "short_name")).orElse(null),
                cx.text(s, "type"), cx.text(s, "probe"), cx.quantity(s, "energy"), cx.quantity(s, "current"))).orElse(null);
        Map<String, Object> beam = EntryContext.first(instr, "NXbeam")
                .or(() -> EntryContext.first(entry, "NXsample").flatMap(s -> EntryContext.first(s, "NXbeam")))
                .or(() -> EntryContext.first(entry, "NXbeam")).map(g -> component(cx, g)).orElse(null);
        Map<String, Object> mono = EntryContext.first(instr, "NXmonochromator").map(g -> component(cx, g)).orElse(null);
        List<Detector> detectors = instr.groupsOfClass("NXdetector").stream().map(g -> detector(cx, g)).toList();
        List<Map<String, Object>> positioners = new ArrayList<>();
        instr.groupsOfClass("NXpositioner").forEach(g -> positioners.add(component(cx, g)));
        EntryContext.first(entry, "NXsample").ifPresent(s -> s.groupsOfClass("NXpositioner").forEach(g -> positioners.add(component(cx, g))));
        List<Map<String, Object>> monitors = new ArrayList<>();
        entry.groupsOfClass("NXmonitor").forEach(g -> monitors.add(component(cx, g)));
        instr.groupsOfClass("NXmonitor").forEach(g -> monitors.add(component(cx, g)));
        List<Map<String, Object>> attenuators = instr.groupsOfClass("NXattenuator").stream().map(g -> component(cx, g)).toList();
        return new Instrument(name, shortName, source, beam, mono, detectors, positioners, monitors, attenuators);
    }

    /** Name, path and every single-valued field of a group: numbers as quantities, strings as text. */
    private Map<String, Object> component(EntryContext cx, H5Group g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", g.name());
        out.put("path", g.path());
        for (H5Node child : g.children()) {
            if (!(child instanceof H5Dataset d) || d.elementCount() != 1 || out.containsKey(d.name())) {
                continue;
            }
            Optional<H5Value> v = cx.value(d);
            if (v.isEmpty()) {
                continue;
            }
            if (v.get().isText()) {
                String t = v.get().text();
                if (t != null && !t.isBlank()) {
                    out.put(d.name(), t);
                }
            } else {
                out.put(d.name(), cx.quantity(d));
            }
        }
        return out;
    }

    private Detector detector(EntryContext cx, H5Group g) {
        Quantity distance = cx.quantity(g, "distance");
        if (distance == null) {
            distance = cx.quantity(g, "detector_distance");
        }
        String dependsOn = cx.text(g, "depends_on");
        List<Double> position = null;
        List<List<Double>> orientation = null;
        if (dependsOn != null && !dependsOn.equals(".")) {
            TransformationChain chain = chain(cx, dependsOn, g.path());
            if (chain != null) {
                position = chain.position();
                orientation = chain.orientation();
            }
        }
        return new Detector(g.name(), g.path(), cx.text(g, "description"), cx.text(g, "type"), distance,
                cx.quantity(g, "x_pixel_size"), cx.quantity(g, "y_pixel_size"), cx.quantity(g, "beam_center_x"),
                cx.quantity(g, "beam_center_y"), cx.text(g, "sensor_material"), cx.quantity(g, "sensor_thickness"),
                cx.quantity(g, "count_time"), cx.quantity(g, "saturation_value"), dependsOn, position, orientation);
    }

    /** Follows depends_on from transformation to transformation until "."; null (with a warning) if broken. */
    TransformationChain chain(EntryContext cx, String dependsOn, String relativeTo) {
        TransformationChain chain = new TransformationChain();
        String next = EntryContext.absolute(dependsOn, relativeTo);
        Set<String> seen = new LinkedHashSet<>();
        while (next != null && !next.equals(".") && !next.endsWith("/.")) {
            if (!seen.add(next) || seen.size() > 32) {
                cx.warn("depends_on chain loops at " + next);
                return null;
            }
            Optional<H5Node> node = cx.resolve(next);
            if (node.isEmpty() || !(node.get() instanceof H5Dataset t)) {
                cx.warn("depends_on target " + next + " not found");
                return null;
            }
            String type = cx.textAttr(t, "transformation_type");
            H5Value vector = t.attributes().get("vector");
            Optional<H5Value> value = cx.first(t);
            if (type == null || vector == null || !vector.isNumeric() || vector.size() < 3 || value.isEmpty()
                    || value.get().number() == null) {
                cx.warn("transformation " + next + " lacks transformation_type, vector or a value");
                return null;
            }
            boolean rotation = type.equalsIgnoreCase("rotation");
            String unit = cx.textAttr(t, "units");
            double v = toSi(cx, value.get().number(), unit, rotation ? "deg" : "m", next);
            double[] offset = null;
            H5Value off = t.attributes().get("offset");
            if (off != null && off.isNumeric() && off.size() >= 3) {
                String offUnit = cx.textAttr(t, "offset_units");
                if (offUnit == null) {
                    offUnit = rotation ? "m" : unit;
                }
                offset = new double[3];
                for (int i = 0; i < 3; i++) {
                    offset[i] = toSi(cx, off.numbers()[i], offUnit, "m", next + "@offset");
                }
            }
            double[] axis = Arrays.copyOf(vector.numbers(), 3);
            if (!finite(v) || !finite(axis) || (offset != null && !finite(offset))) {
                // NaN/Inf (or a value no unit can convert) would turn the whole position into NaN
                cx.warn("transformation " + next + " has a value, vector or offset that is not a finite number");
                return null;
            }
            chain.add(new TransformationChain.Step(next, rotation, axis, v, offset));
            String after = cx.textAttr(t, "depends_on");
            next = after == null ? null : (after.equals(".") ? "." : EntryContext.absolute(after, EntryContext.parentPath(t.path())));
        }
        return chain;
    }

    private double toSi(EntryContext cx, double value, String unit, String assumed, String where) {
        String u = unit == null ? assumed : unit;
        Quantity q = units.asRecorded(value, u);
        if (!q.unitKnown()) {
            cx.warn("unknown unit '" + u + "' at " + where + "; value used as " + assumed);
            return siOrNaN(units.asRecorded(value, assumed));
        }
        return siOrNaN(q);
    }

    /** A quantity has no SI value when its value is not a finite number. */
    private static double siOrNaN(Quantity q) {
        return q.siValue() == null ? Double.NaN : q.siValue();
    }

    private static boolean finite(double... values) {
        for (double d : values) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

}
