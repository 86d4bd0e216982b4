package io.aperture.harvester.conformance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects a file's findings up to a bound; the rest are only counted. The same finding is kept once. */
final class FindingSink {
    static final int MAX_TEXT = 2000;
    private final int max;
    private final Set<Finding> findings = new LinkedHashSet<>();
    private int omitted;

    FindingSink(int max) {
        this.max = max;
    }

    void add(Level level, String path, Rule rule, String message) {
        Finding f = new Finding(level, cut(path), rule, cut(message));
        if (findings.contains(f)) {
            return;
        }
        if (findings.size() < max) {
            findings.add(f);
        } else {
            omitted++;
        }
    }

    void error(String path, Rule rule, String message) {
        add(Level.ERROR, path, rule, message);
    }

    void warning(String path, Rule rule, String message) {
        add(Level.WARNING, path, rule, message);
    }

    void info(String path, Rule rule, String message) {
        add(Level.INFO, path, rule, message);
    }

    /** Paths and messages quote the file (names, values); a hostile file must not make a finding unbounded. */
    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "\u2026";
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    int omitted() {
        return omitted;
    }
}
