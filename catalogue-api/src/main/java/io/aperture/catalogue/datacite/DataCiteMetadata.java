package io.aperture.catalogue.datacite;

import java.util.List;
import java.util.Optional;

/**
 * One dataset (or one collection of datasets) described in the terms of the DataCite Metadata Schema 4.6, independent of how it is written out
 * (DataCite XML, DataCite JSON attributes, or oai_dc, which is derived from it). Lists are empty, never null, when a
 * property is absent; the writers leave empty properties out.
 */
public record DataCiteMetadata(Identifier identifier,
                               List<AlternateIdentifier> alternateIdentifiers,
                               List<Name> creators,
                               String title,
                               Publisher publisher,
                               int publicationYear,
                               String resourceTypeGeneral,
                               String resourceType,
                               List<Subject> subjects,
                               List<Name> contributors,
                               List<DateEntry> dates,
                               List<RelatedIdentifier> relatedIdentifiers,
                               List<String> sizes,
                               List<String> formats,
                               Rights rights,
                               List<Description> descriptions) {

    /** A dataset ({@code resourceTypeGeneral} {@code Dataset}). */
    public DataCiteMetadata(Identifier identifier, List<AlternateIdentifier> alternateIdentifiers, List<Name> creators,
                            String title, Publisher publisher, int publicationYear, String resourceType,
                            List<Subject> subjects, List<Name> contributors, List<DateEntry> dates,
                            List<RelatedIdentifier> relatedIdentifiers, List<String> sizes, List<String> formats,
                            Rights rights, List<Description> descriptions) {
        this(identifier, alternateIdentifiers, creators, title, publisher, publicationYear, DATASET, resourceType,
                subjects, contributors, dates, relatedIdentifiers, sizes, formats, rights, descriptions);
    }

    /** The {@code resourceTypeGeneral} of a dataset. */
    public static final String DATASET = "Dataset";
    /** The {@code resourceTypeGeneral} of a visit's or proposal's collection DOI. */
    public static final String COLLECTION = "Collection";

    /** DataCite schema version these records follow. */
    public static final String SCHEMA_VERSION = "4.6";
    public static final String NAMESPACE = "http://datacite.org/schema/kernel-4";
    public static final String SCHEMA_LOCATION = "https://schema.datacite.org/meta/kernel-4.6/metadata.xsd";

    /** The DOI (type DOI) or, for a record without one, its landing page (type URL). */
    public record Identifier(String value, String type) {
        public boolean isDoi() {
            return "DOI".equals(type);
        }
    }

    public record AlternateIdentifier(String value, String type) {}

    public enum NameType { Personal, Organizational }

    /** A creator or contributor; {@code contributorType} is empty for creators. */
    public record Name(String name, NameType nameType, Optional<String> givenName, Optional<String> familyName,
                       List<NameIdentifier> identifiers, List<AffiliationRef> affiliations,
                       Optional<String> contributorType) {}

    public record NameIdentifier(String value, String scheme, String schemeUri) {}

    /** An affiliation, with its ROR id as https://ror.org/... when known. */
    public record AffiliationRef(String name, Optional<String> ror) {}

    public record Publisher(String name, Optional<String> ror) {}

    public record Subject(String label, Optional<String> scheme, Optional<String> schemeUri, Optional<String> valueUri) {}

    /** A date or RKMS-ISO8601 range with its DataCite dateType (Collected, Available, Issued, ...). */
    public record DateEntry(String value, String type) {}

    public record RelatedIdentifier(String value, String identifierType, String relationType) {}

    /** The licence: SPDX identifier, its canonical URI and a human-readable name. */
    public record Rights(String spdxId, String uri, String name) {}

    public record Description(String text, String type) {}
}
