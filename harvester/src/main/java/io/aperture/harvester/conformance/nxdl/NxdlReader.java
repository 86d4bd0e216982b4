package io.aperture.harvester.conformance.nxdl;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/** Turns a validated NXDL document into the model. Optionality follows the NXDL rules of each category. */
final class NxdlReader {

    private NxdlReader() {
    }

    static NxdlDefinition definition(Element root) {
        boolean application = !"base".equals(root.getAttribute("category"));
        String name = root.getAttribute("name");
        NxdlGroup body = group(root, name, null, application);
        return new NxdlDefinition(name, root.getAttribute("category"), blankToNull(root.getAttribute("extends")), body);
    }

    private static NxdlGroup group(Element e, String type, String name, boolean application) {
        List<NxdlGroup> groups = new ArrayList<>();
        List<NxdlField> fields = new ArrayList<>();
        List<NxdlAttribute> attributes = new ArrayList<>();
        List<NxdlLink> links = new ArrayList<>();
        for (Element c : children(e)) {
            switch (c.getLocalName()) {
                case "group" -> groups.add(group(c, c.getAttribute("type"), blankToNull(c.getAttribute("name")), application));
                case "field" -> fields.add(field(c, application));
                case "attribute" -> attributes.add(attribute(c, application));
                case "link" -> links.add(new NxdlLink(c.getAttribute("name"), c.getAttribute("target"), optionality(c, application)));
                default -> {
                    // doc, symbols, choice, dimensions of the group: not checked (docs/metadata-quality.md)
                }
            }
        }
        int minOccurs = parseInt(written(e, "minOccurs"), application ? 1 : 0);
        return new NxdlGroup(type, name, NameType.of(e.getAttribute("nameType")), optionality(e, application), minOccurs,
                List.copyOf(groups), List.copyOf(fields), List.copyOf(attributes), List.copyOf(links));
    }

    private static NxdlField field(Element e, boolean application) {
        Enumeration enumeration = Enumeration.NONE;
        Integer rank = null;
        List<NxdlAttribute> attributes = new ArrayList<>();
        for (Element c : children(e)) {
            switch (c.getLocalName()) {
                case "enumeration" -> enumeration = enumeration(c);
                case "dimensions" -> rank = parseInt(c.getAttribute("rank"), null);
                case "attribute" -> attributes.add(attribute(c, application));
                default -> {
                    // doc
                }
            }
        }
        return new NxdlField(e.getAttribute("name"), NameType.of(e.getAttribute("nameType")),
                blankToNull(e.getAttribute("type")), blankToNull(e.getAttribute("units")), optionality(e, application),
                enumeration, rank, List.copyOf(attributes));
    }

    private static NxdlAttribute attribute(Element e, boolean application) {
        Enumeration enumeration = Enumeration.NONE;
        for (Element c : children(e)) {
            if ("enumeration".equals(c.getLocalName())) {
                enumeration = enumeration(c);
            }
        }
        return new NxdlAttribute(e.getAttribute("name"), optionality(e, application), enumeration);
    }

    private static Enumeration enumeration(Element e) {
        List<String> values = new ArrayList<>();
        for (Element item : children(e)) {
            if ("item".equals(item.getLocalName())) {
                values.add(item.getAttribute("value"));
            }
        }
        return new Enumeration(List.copyOf(values), "true".equals(e.getAttribute("open")));
    }

    /**
     * In an application definition an element is required unless marked {@code optional}, {@code recommended} or
     * {@code minOccurs="0"}; in a base class everything is optional, {@code recommended} ones recommended.
     */
    private static Optionality optionality(Element e, boolean application) {
        if ("true".equals(written(e, "recommended"))) {
            return Optionality.RECOMMENDED;
        }
        if (!application || "true".equals(written(e, "optional")) || "0".equals(written(e, "minOccurs"))) {
            return Optionality.OPTIONAL;
        }
        return Optionality.REQUIRED;
    }

    /**
     * An attribute as the NXDL file writes it. Validation fills in nxdl.xsd's defaults (minOccurs="0",
     * optional="true" on attributes), which would make every element of an application definition optional; the
     * NeXus rule for application definitions is "required unless marked", so only written values count.
     */
    private static String written(Element e, String name) {
        Attr a = e.getAttributeNode(name);
        return a == null || !a.getSpecified() ? null : a.getValue();
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && NxdlLibrary.NS.equals(c.getNamespaceURI())) {
                out.add(c);
            }
        }
        return out;
    }

    private static Integer parseInt(String s, Integer fallback) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return fallback; // a symbol such as dataRank, or "unbounded"
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
