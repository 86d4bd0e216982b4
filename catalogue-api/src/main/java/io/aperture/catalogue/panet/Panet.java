package io.aperture.catalogue.panet;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PaNET technique hierarchy shipped in {@code panet/PaNET.owl} (see its README): each class's direct subclasses and
 * its labels, so that a technique condition can stand for the technique and every descendant (design/PANOSC.md §3.7):
 * the PaNOSC API's technique conditions and the catalogue search's technique filter alike.
 * Read once, immutable.
 */
public final class Panet {
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    private static final String OWL = "http://www.w3.org/2002/07/owl#";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    /** The namespace of PaNET's own classes (its superclasses may come from other ontologies). */
    public static final String NAMESPACE = "http://purl.org/pan-science/PaNET/";

    private final Map<String, Set<String>> children;
    private final Map<String, Set<String>> byLabel;
    /** Each PaNET class's direct superclasses that are PaNET classes too (the hierarchy the facet shows). */
    private final Map<String, Set<String>> parents;
    /** Each class's preferred label (its first {@code rdfs:label}). */
    private final Map<String, String> labels;
    /** {@link #descendants}, filled as classes are asked for. */
    private final Map<String, Set<String>> descendants = new ConcurrentHashMap<>();

    private Panet(Map<String, Set<String>> children, Map<String, Set<String>> byLabel, Map<String, String> labels) {
        this.children = children;
        this.byLabel = byLabel;
        this.labels = labels;
        Map<String, Set<String>> up = new HashMap<>();
        children.forEach((parent, kids) -> {
            if (isClassIn(parent, children)) {
                kids.stream().filter(k -> isClassIn(k, children)).forEach(k -> up.computeIfAbsent(k, x -> new HashSet<>()).add(parent));
            }
        });
        this.parents = up;
    }

    private static boolean isClassIn(String iri, Map<String, Set<String>> children) {
        return iri.startsWith(NAMESPACE) && children.containsKey(iri);
    }

    private static final class Shipped {
        static final Panet INSTANCE = load();
    }

    public static Panet shipped() {
        return Shipped.INSTANCE;
    }

    /**
     * The IRIs of the term named by its IRI or by a label or alternative label (case ignored), and of every descendant;
     * empty when PaNET does not know the term.
     */
    public Set<String> closure(String term) {
        Set<String> roots = new LinkedHashSet<>();
        if (children.containsKey(term)) {
            roots.add(term);
        }
        roots.addAll(byLabel.getOrDefault(term.strip().toLowerCase(Locale.ROOT), Set.of()));
        if (roots.size() == 1) {
            return descendants(roots.iterator().next());
        }
        Set<String> out = new LinkedHashSet<>();
        roots.forEach(root -> out.addAll(descendants(root)));
        return Collections.unmodifiableSet(out);
    }

    /**
     * A class and all its descendants, walked once per class and kept: one request asks the same term's closure for its
     * predicate, its include's scope and its answer (issue #12). Keyed by known classes only, so the map is bounded by
     * the ontology, whatever terms callers send.
     */
    private Set<String> descendants(String root) {
        return descendants.computeIfAbsent(root, r -> {
            Set<String> out = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(r));
            while (!todo.isEmpty()) {
                String iri = todo.pop();
                if (out.add(iri)) {
                    todo.addAll(children.getOrDefault(iri, Set.of()));
                }
            }
            return Collections.unmodifiableSet(out);
        });
    }

    /**
     * The class a term names: the term itself when it is a class's IRI, else the first class (in IRI order) with it as
     * a label or alternative label, case ignored.
     */
    public Optional<String> classNamed(String term) {
        if (term == null) {
            return Optional.empty();
        }
        if (isClass(term)) {
            return Optional.of(term);
        }
        return byLabel.getOrDefault(term.strip().toLowerCase(Locale.ROOT), Set.of()).stream()
                .filter(this::isClass).sorted().findFirst();
    }

    /** A class's preferred label, or the IRI itself when it has none. */
    public String label(String iri) {
        return labels.getOrDefault(iri, iri);
    }

    /**
     * The labels a dataset's technique is counted under in the technique facet: its own label as recorded, then the
     * preferred labels of every PaNET ancestor of the class it names, nearest first, without the one top class every
     * technique shares ("photon and neutron technique": counting it says nothing). The class is the one its IRI names;
     * a technique recorded without an IRI is looked up by its label. One with an IRI of another vocabulary is counted
     * under its own label only, even if PaNET happens to have that label ("MX"): the facility said what it meant.
     */
    public List<String> lineage(String iri, String label) {
        Set<String> out = new LinkedHashSet<>();
        // ingest records a technique without a label under its IRI: PaNET's own label reads better
        if (label != null && !label.isBlank() && !(label.equals(iri) && isClass(iri))) {
            out.add(label);
        }
        Optional<String> named = iri == null || iri.isBlank() ? classNamed(label)
                : Optional.of(iri).filter(this::isClass);
        named.ifPresent(start -> {
            if (out.isEmpty()) {
                out.add(label(start));
            }
            Deque<String> todo = new ArrayDeque<>(parents.getOrDefault(start, Set.of()).stream().sorted().toList());
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String up = todo.removeFirst();
                if (seen.add(up) && !isTop(up)) {
                    out.add(label(up));
                    parents.getOrDefault(up, Set.of()).stream().sorted().forEach(todo::addLast);
                }
            }
        });
        return List.copyOf(out);
    }

    /** The classes directly above {@code iri} in PaNET, without the top class. */
    public Set<String> broader(String iri) {
        Set<String> out = new LinkedHashSet<>();
        parents.getOrDefault(iri, Set.of()).stream().filter(p -> !isTop(p)).sorted().forEach(out::add);
        return out;
    }

    /**
     * Whether a class is one of PaNET's axes of classification ("defined by experimental probe", "… physical process",
     * "… functional dependence", "… purpose"): the children of the top class, which group rather than name techniques.
     */
    public boolean isAxis(String iri) {
        Set<String> up = parents.getOrDefault(iri, Set.of());
        return isClass(iri) && !up.isEmpty() && up.stream().allMatch(this::isTop);
    }

    /** The top class: a PaNET class with no PaNET superclass. */
    private boolean isTop(String iri) {
        return isClass(iri) && parents.getOrDefault(iri, Set.of()).isEmpty();
    }

    /** Whether {@code iri} names a class of the shipped ontology (not merely an IRI in its namespace). */
    public boolean isClass(String iri) {
        return iri != null && isClassIn(iri, children);
    }

    private static Panet load() {
        try (InputStream in = Panet.class.getResourceAsStream("/panet/PaNET.owl")) {
            if (in == null) {
                throw new IllegalStateException("panet/PaNET.owl is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("panet/PaNET.owl cannot be read", e);
        }
    }

    /** Named classes, their asserted superclasses (restrictions are skipped), labels and alternative labels. */
    static Panet read(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader x = factory.createXMLStreamReader(in);
        Map<String, Set<String>> children = new HashMap<>();
        Map<String, Set<String>> byLabel = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Deque<String> classes = new ArrayDeque<>(); // the enclosing owl:Class elements; "" for an anonymous one
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String ns = x.getNamespaceURI();
                String name = x.getLocalName();
                if (OWL.equals(ns) && name.equals("Class")) {
                    String about = x.getAttributeValue(RDF, "about");
                    classes.push(about == null ? "" : about);
                    if (about != null) {
                        children.computeIfAbsent(about, k -> new HashSet<>());
                    }
                } else if (!classes.isEmpty() && !classes.peek().isEmpty()) {
                    String current = classes.peek();
                    if (RDFS.equals(ns) && name.equals("subClassOf")) {
                        String parent = x.getAttributeValue(RDF, "resource");
                        if (parent != null) {
                            children.computeIfAbsent(parent, k -> new HashSet<>()).add(current);
                        }
                    } else if ((RDFS.equals(ns) && name.equals("label")) || (SKOS.equals(ns) && name.equals("altLabel"))) {
                        String text = x.getElementText().strip();
                        byLabel.computeIfAbsent(text.toLowerCase(Locale.ROOT), k -> new HashSet<>()).add(current);
                        if (name.equals("label")) {
                            labels.putIfAbsent(current, text);
                        }
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && OWL.equals(x.getNamespaceURI()) && x.getLocalName().equals("Class")) {
                classes.pop();
            }
        }
        return new Panet(children, byLabel, labels);
    }
}
