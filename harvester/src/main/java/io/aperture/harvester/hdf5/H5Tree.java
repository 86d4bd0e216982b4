package io.aperture.harvester.hdf5;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything below a group, walked once: each stored object at the first path it is reached by (hard links are
 * recognised by address, so their cycles cost nothing), at most {@value #MAX_DEPTH} groups deep.
 */
public record H5Tree(List<H5Group> groups, List<H5Dataset> datasets, List<H5ExternalLink> externalLinks) {
    public static final int MAX_DEPTH = 64;

    /** Walks {@code top}; {@code beforeEachGroup} runs before a group's children are listed (a time budget may throw). */
    public static H5Tree walk(H5Group top, Runnable beforeEachGroup) {
        H5Tree tree = new H5Tree(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        tree.visit(top, new HashSet<>(), 0, beforeEachGroup);
        return new H5Tree(List.copyOf(tree.groups), List.copyOf(tree.datasets), List.copyOf(tree.externalLinks));
    }

    private void visit(H5Group g, Set<Long> seen, int depth, Runnable beforeEachGroup) {
        if (!seen.add(g.objectId()) || depth > MAX_DEPTH) {
            return;
        }
        beforeEachGroup.run();
        groups.add(g);
        for (H5Node child : g.children()) {
            switch (child) {
                case H5Group sub -> visit(sub, seen, depth + 1, beforeEachGroup);
                case H5Dataset d -> {
                    if (seen.add(d.objectId())) {
                        datasets.add(d);
                    }
                }
                case H5ExternalLink l -> externalLinks.add(l);
            }
        }
    }
}
