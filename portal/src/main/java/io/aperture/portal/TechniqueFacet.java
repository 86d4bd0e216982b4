package io.aperture.portal;

import io.aperture.catalogue.panet.Panet;
import io.aperture.catalogue.search.SearchResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The technique facet as PaNET's hierarchy. The search counts each dataset under its techniques and every PaNET term
 * above them ({@code Panet#lineage}), so a broader term's count is what selecting it finds. This arranges the counted
 * terms as a tree: each under every counted term directly above it (PaNET is a polyhierarchy: "x-ray powder
 * diffraction" is both an x-ray probe and a powder diffraction, and shows in both places). The four axes PaNET
 * classifies by ("defined by experimental probe", …) are groups that open and close, not choices; techniques PaNET
 * does not know stand on their own.
 * <p>The tree is written as rows in document order for the template to open and close nested lists: a row that
 * {@code opens} starts a list of its children, and {@code closes} ends that many levels after it.
 *
 * @param loose  techniques outside the axes (PaNET does not know them, or their axis was not counted), as rows
 * @param groups the PaNET axes with their terms below them, largest first
 */
public record TechniqueFacet(List<Row> loose, List<Group> groups) {
    /** Rows written at most per tree: PaNET is small, but a tree of a polyhierarchy repeats shared subtrees. */
    static final int MAX_ROWS = 400;

    /** A counted term at a depth of the tree. */
    public record Row(String value, long count, int depth, boolean opens, int closes) {}

    /** A PaNET axis, open when a selected term lies below it. */
    public record Group(String label, long count, boolean open, List<Row> rows) {}

    public boolean isEmpty() {
        return loose.isEmpty() && groups.isEmpty();
    }

    static TechniqueFacet of(List<SearchResult.FacetValue> values, Set<String> selected, Panet panet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v.value(), v.count(), Math::max));
        Map<String, String> classOf = new LinkedHashMap<>();
        counts.keySet().forEach(v -> panet.classNamed(v).ifPresent(c -> classOf.put(v, c)));
        Map<String, List<String>> valuesOfClass = new LinkedHashMap<>();
        classOf.forEach((v, c) -> valuesOfClass.computeIfAbsent(c, k -> new ArrayList<>()).add(v));

        Comparator<String> largestFirst = Comparator.<String>comparingLong(counts::get).reversed()
                .thenComparing(Comparator.naturalOrder());
        Map<String, List<String>> children = new LinkedHashMap<>();
        List<String> roots = new ArrayList<>();
        counts.keySet().stream().sorted(largestFirst).forEach(v -> {
            List<String> parents = Optional.ofNullable(classOf.get(v)).map(panet::broader).orElse(Set.of()).stream()
                    .flatMap(p -> valuesOfClass.getOrDefault(p, List.of()).stream()).toList();
            parents.forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(v));
            if (parents.isEmpty()) {
                roots.add(v);
            }
        });

        List<String> looseRoots = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        for (String root : roots) {
            if (classOf.containsKey(root) && panet.isAxis(classOf.get(root))) {
                List<Row> rows = rows(children.getOrDefault(root, List.of()), children, counts);
                boolean open = selected.contains(root) || rows.stream().anyMatch(r -> selected.contains(r.value()));
                groups.add(new Group(root, counts.get(root), open, rows));
            } else {
                looseRoots.add(root);
            }
        }
        return new TechniqueFacet(rows(looseRoots, children, counts), List.copyOf(groups));
    }

    /**
     * The most specific of the counted terms, in their order: those with no counted term below them, which are the
     * techniques as recorded (the broader PaNET terms above them are counted too, and say less).
     */
    static List<SearchResult.FacetValue> mostSpecific(List<SearchResult.FacetValue> values, Panet panet) {
        Set<String> above = new HashSet<>();
        values.forEach(v -> panet.classNamed(v.value()).ifPresent(c -> above.addAll(panet.broader(c))));
        return values.stream().filter(v -> panet.classNamed(v.value()).map(c -> !above.contains(c) && !panet.isAxis(c))
                .orElse(true)).toList();
    }

    /** The trees below {@code tops}, depth first, each row with the levels it opens and closes. */
    private static List<Row> rows(List<String> tops, Map<String, List<String>> children, Map<String, Long> counts) {
        record Visit(String value, int depth, Set<String> path) {}
        List<Visit> order = new ArrayList<>();
        Deque<Visit> todo = new ArrayDeque<>();
        tops.reversed().forEach(t -> todo.push(new Visit(t, 0, Set.of(t))));
        while (!todo.isEmpty() && order.size() < MAX_ROWS) {
            Visit at = todo.pop();
            order.add(at);
            children.getOrDefault(at.value(), List.of()).reversed().stream()
                    .filter(c -> !at.path().contains(c)) // PaNET has no cycles; a broken copy must not hang the page
                    .forEach(c -> {
                        Set<String> path = new HashSet<>(at.path());
                        path.add(c);
                        todo.push(new Visit(c, at.depth() + 1, path));
                    });
        }
        List<Row> rows = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            Visit at = order.get(i);
            int next = i + 1 < order.size() ? order.get(i + 1).depth() : 0;
            rows.add(new Row(at.value(), counts.get(at.value()), at.depth(), next > at.depth(), Math.max(0, at.depth() - next)));
        }
        return rows;
    }
}
