package io.aperture.harvester.conformance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects a file's findings up to a bound; the rest are only counted. The same finding is kept once. */
final class FindingSink {
    private final int max;
    private final Set<Finding> findings = new LinkedHashSet<>();
    private int omitted;

    FindingSink(int max) {
        this.max = max;
    }

    void add(Level level, String path, Rule rule, String message) {
        Finding f = new Finding(level, path, rule, message);
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

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    int omitted() {
        return omitted;
    }
}
