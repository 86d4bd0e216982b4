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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    private Panet(Map<String, Set<String>> children, Map<String, Set<String>> byLabel) {
        this.children = children;
        this.byLabel = byLabel;
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
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String iri = todo.pop();
            if (out.add(iri)) {
                todo.addAll(children.getOrDefault(iri, Set.of()));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Whether {@code iri} names a class of the shipped ontology (not merely an IRI in its namespace). */
    public boolean isClass(String iri) {
        return iri.startsWith(NAMESPACE) && children.containsKey(iri);
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
                        byLabel.computeIfAbsent(x.getElementText().strip().toLowerCase(Locale.ROOT), k -> new HashSet<>()).add(current);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && OWL.equals(x.getNamespaceURI()) && x.getLocalName().equals("Class")) {
                classes.pop();
            }
        }
        return new Panet(children, byLabel);
    }
}
