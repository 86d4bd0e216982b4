package io.aperture.bench.readers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one walk of one file saw. Every link is recorded at the path it was reached by, with a kind:
 * group, dataset, vds (a virtual dataset described), external, hardlink (a further link to an object
 * already walked), datatype, broken-soft.
 */
final class WalkResult {
    final Map<String, String> objects = new LinkedHashMap<>();
    /** Attribute names read successfully, per object path. */
    final Map<String, TreeSet<String>> attributes = new LinkedHashMap<>();
    final List<String> warnings = new ArrayList<>();
    int attributesRead;
    int attributesFailed;
    int smallRead;
    int smallFailed;
    int largeDescribed;
    long valueBytes;
    /** Non-null when the whole file could not be walked. */
    String fatal;

    void object(String path, String kind) {
        objects.putIfAbsent(path, kind);
    }

    void attribute(String path, String name) {
        attributes.computeIfAbsent(path, p -> new TreeSet<>()).add(name);
        attributesRead++;
    }

    long count(String kind) {
        return objects.values().stream().filter(kind::equals).count();
    }

    /** Groups + datasets (virtual ones included) + external links: the things a catalogue record could use. */
    long structural() {
        return objects.values().stream().filter(k -> !k.equals("hardlink") && !k.equals("broken-soft")).count();
    }

    static String join(String parent, String name) {
        return parent.endsWith("/") ? parent + name : parent + "/" + name;
    }
}
