package io.aperture.harvester.conformance.nxdl;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NeXus definitions shipped with the harvester (resources {@code io/aperture/harvester/conformance/nxdl/}, NXDL
 * version in {@code NXDL_VERSION}, LGPL). Each file is parsed with the JDK's XML parser under secure processing, no
 * DTD and no external entities, and validated against {@code nxdl.xsd} while it is parsed; a file that does not
 * validate is a packaging defect and throws. Definitions are read on first use and kept.
 */
public final class NxdlLibrary {
    static final String NS = "http://definition.nexusformat.org/nxdl/3.1";
    private static final String ROOT = "/io/aperture/harvester/conformance/nxdl/";
    private static final NxdlLibrary SHARED = new NxdlLibrary();

    private final Schema schema = compileSchema();
    private final Map<String, Optional<NxdlDefinition>> cache = new ConcurrentHashMap<>();

    /** The library of the shipped definitions, one per JVM (parsed definitions are immutable). */
    public static NxdlLibrary shared() {
        return SHARED;
    }

    /** The application definition of this name, if one is shipped. */
    public Optional<NxdlDefinition> application(String name) {
        return load("applications/", name);
    }

    /** The base class of this name, if it is one of the NeXus base classes. */
    public Optional<NxdlDefinition> baseClass(String name) {
        return load("base_classes/", name);
    }

    private Optional<NxdlDefinition> load(String folder, String name) {
        if (name == null || !name.matches("NX[A-Za-z0-9_]{1,64}")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(folder + name, key -> {
            try (InputStream in = NxdlLibrary.class.getResourceAsStream(ROOT + key + ".nxdl.xml")) {
                return in == null ? Optional.empty() : Optional.of(parse(in, key));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    NxdlDefinition parse(InputStream in, String what) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setSchema(schema);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(STRICT);
            Document doc = b.parse(in);
            return NxdlReader.definition(doc.getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("shipped NXDL " + what + " is not valid against nxdl.xsd: " + e.getMessage(), e);
        }
    }

    private static Schema compileSchema() {
        URL xsd = NxdlLibrary.class.getResource(ROOT + "nxdl.xsd");
        if (xsd == null) {
            throw new IllegalStateException("missing resource " + ROOT + "nxdl.xsd");
        }
        try {
            SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // nxdl.xsd includes nxdlTypes.xsd beside it, in the jar or the classes folder; nothing else may be fetched
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            sf.setErrorHandler(STRICT);
            return sf.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("nxdl.xsd cannot be compiled: " + e.getMessage(), e);
        }
    }

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings (e.g. unused schema hints) do not make a definition invalid
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
