package io.aperture.catalogue.datacite;

import io.aperture.catalogue.input.InputText;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A small streaming XML writer over StAX for the catalogue's exports. Namespaces are declared explicitly by the
 * caller ({@link #declare}), so the output has exactly the prefixes the standards' examples use. StAX escapes all
 * text and attribute values; characters XML 1.0 forbids (NUL and other controls, which StAX writes as they are) become
 * U+FFFD first, so whatever a request or a record carries, the document stays well-formed.
 */
public final class XmlOut {
    public static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter buffer = new StringWriter();
    private final XMLStreamWriter w;

    private XmlOut() {
        try {
            w = FACTORY.createXMLStreamWriter(buffer);
            w.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new document with its XML declaration written. */
    public static XmlOut document() {
        return new XmlOut();
    }

    public XmlOut open(String prefix, String local, String namespace) {
        return run(() -> w.writeStartElement(prefix, local, namespace));
    }

    /** Declares {@code prefix} (or the default namespace when empty) on the element just opened. */
    public XmlOut declare(String prefix, String namespace) {
        return run(() -> {
            if (prefix.isEmpty()) {
                w.writeDefaultNamespace(namespace);
            } else {
                w.writeNamespace(prefix, namespace);
            }
        });
    }

    /** An unqualified attribute; nothing is written when {@code value} is null. */
    public XmlOut attr(String name, String value) {
        return value == null ? this : run(() -> w.writeAttribute(name, InputText.forXml(value)));
    }

    public XmlOut attr(String prefix, String namespace, String name, String value) {
        return value == null ? this : run(() -> w.writeAttribute(prefix, namespace, name, InputText.forXml(value)));
    }

    public XmlOut lang(String lang) {
        return attr("xml", XMLConstants.XML_NS_URI, "lang", lang);
    }

    public XmlOut text(String text) {
        return text == null ? this : run(() -> w.writeCharacters(InputText.forXml(text)));
    }

    public XmlOut close() {
        return run(w::writeEndElement);
    }

    /** An element holding only text, with attributes given as name/value pairs (null values are skipped). */
    public XmlOut leaf(String prefix, String local, String namespace, String text, String... attributes) {
        open(prefix, local, namespace);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            attr(attributes[i], attributes[i + 1]);
        }
        return text(text).close();
    }

    /** Ends the document and returns it. */
    public String finish() {
        run(w::writeEndDocument);
        run(w::close);
        return buffer.toString();
    }

    private interface Step {
        void run() throws XMLStreamException;
    }

    private XmlOut run(Step step) {
        try {
            step.run();
            return this;
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new java.io.IOException(e));
        }
    }
}
