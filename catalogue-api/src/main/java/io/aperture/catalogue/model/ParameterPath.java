package io.aperture.catalogue.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parameter's NeXus path as the index holds it: lower-case segments, and every trailing run of them
 * ({@link #suffixes}), so that a name typed by a researcher matches a parameter exactly when the path ends with it. The
 * query side of the rule (which runs a typed name stands for) is {@code search.ParameterNames}, which splits names with
 * {@link #segments} so both sides read a path alike.
 */
public final class ParameterPath {

    /**
     * Trailing runs longer than this are not indexed, only the whole path: NeXus paths are a handful of groups deep, and
     * a name of thousands of segments would otherwise index a quadratic amount of text (a name of 4 000 characters,
     * "a/a/a/…", about 4 million) and make its document too large to index, holding every later index change back.
     */
    public static final int MAX_SUFFIX_SEGMENTS = 32;

    private ParameterPath() {
    }

    /**
     * Every trailing run of segments of a stored parameter name, lower case, up to {@link #MAX_SUFFIX_SEGMENTS} segments,
     * and the whole name. A {@code value} field also stands for its group (NXlog and NXsensor keep their reading in
     * {@code value}).
     */
    public static List<String> suffixes(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        List<String> segments = segments(name);
        Set<String> out = new LinkedHashSet<>();
        addSuffixes(segments, out);
        if (segments.size() > 1 && segments.getLast().equals("value")) {
            addSuffixes(segments.subList(0, segments.size() - 1), out);
        }
        return List.copyOf(out);
    }

    /** A name's path segments, lower case, empty ones dropped; an array element ({@code x[3]}) is named after its field. */
    public static List<String> segments(String name) {
        List<String> out = new ArrayList<>();
        String[] parts = name.toLowerCase(Locale.ROOT).split("/");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (i == parts.length - 1) {
                p = p.replaceFirst("\\[\\d+]$", "");
            }
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static void addSuffixes(List<String> segments, Set<String> out) {
        for (int i = segments.size() - 1; i >= Math.max(0, segments.size() - MAX_SUFFIX_SEGMENTS); i--) {
            out.add(String.join("/", segments.subList(i, segments.size())));
        }
        if (!segments.isEmpty()) {
            out.add(String.join("/", segments)); // the whole path, however deep: a name typed in full always matches
        }
    }
}
