package io.aperture.portal.testing;

import io.aperture.testsupport.RepoFiles;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The official DataCite 4.6 XSD, compiled offline from the repository's {@code testdata/standards/datacite/kernel-4.6}.
 * Missing schemas fail the test that asks for them: a validation that silently did not happen would prove nothing.
 */
public final class DataCiteSchema {
    private static Schema schema;

    private DataCiteSchema() {
    }

    /** The folder of the DataCite 4.6 kernel in the repository's testdata/standards; fails when it is not there. */
    public static Path kernelDir() {
        Path kernel = RepoFiles.standards().resolve("datacite/kernel-4.6");
        if (!Files.isRegularFile(kernel.resolve("metadata.xsd"))) {
            throw new IllegalStateException("DataCite 4.6 schema not found at " + kernel + "/metadata.xsd");
        }
        return kernel;
    }

    /** Validates {@code xml}; throws the parser's SAXException naming what the schema forbids. */
    public static synchronized void validate(String xml) throws Exception {
        if (schema == null) {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // relative includes only: nothing is fetched from the network
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schema = f.newSchema(kernelDir().resolve("metadata.xsd").toFile());
        }
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
