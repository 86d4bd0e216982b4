package io.aperture.catalogue.oaipmh;

import java.util.Arrays;
import java.util.Optional;

/** The metadata formats this repository disseminates; every record is available in all of them. */
public enum MetadataFormat {
    OAI_DC("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/"),
    OAI_DATACITE("oai_datacite", "http://schema.datacite.org/oai/oai-1.1/oai.xsd", "http://schema.datacite.org/oai/oai-1.1/");

    private final String prefix;
    private final String schema;
    private final String namespace;

    MetadataFormat(String prefix, String schema, String namespace) {
        this.prefix = prefix;
        this.schema = schema;
        this.namespace = namespace;
    }

    public String prefix() {
        return prefix;
    }

    public String schema() {
        return schema;
    }

    public String namespace() {
        return namespace;
    }

    public static Optional<MetadataFormat> byPrefix(String prefix) {
        return Arrays.stream(values()).filter(f -> f.prefix.equals(prefix)).findFirst();
    }

    public static MetadataFormat require(String prefix) {
        return byPrefix(prefix).orElseThrow(() -> new OaiException(OaiException.Code.cannotDisseminateFormat,
                "metadataPrefix '" + prefix + "' is not supported; use oai_dc or oai_datacite"));
    }
}
