package io.aperture.harvester.conformance;

import io.aperture.harvester.conformance.nxdl.NxdlLibrary;

import java.util.HashSet;
import java.util.Set;

/** What the checks of one entry share: its tree, the findings, the budget, units and definitions. */
final class CheckContext {
    final FileTree tree;
    final FindingSink sink;
    final Budget budget;
    final UnitCategory units;
    final NxdlLibrary library;
    /** Paths of fields an application definition already checked; the base-class check leaves them alone. */
    final Set<String> checkedByDefinition = new HashSet<>();

    CheckContext(FileTree tree, FindingSink sink, Budget budget, UnitCategory units, NxdlLibrary library) {
        this.tree = tree;
        this.sink = sink;
        this.budget = budget;
        this.units = units;
        this.library = library;
    }
}
