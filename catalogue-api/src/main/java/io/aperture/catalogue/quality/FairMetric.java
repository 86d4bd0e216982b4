package io.aperture.catalogue.quality;

import java.util.Locale;

/**
 * The FAIR metrics a catalogue record is assessed on, after the FAIRsFAIR object metrics that F-UJI implements
 * (Devaraju et al., "FAIRsFAIR Data Object Assessment Metrics", v0.5, doi:10.5281/zenodo.6461229). Each is judged from
 * what the catalogue holds about one dataset; {@link FairAssessor} gives the rule and the reason.
 */
public enum FairMetric {
    IDENTIFIER("FsF-F1-02D", "persistent identifier"),
    RICH_METADATA("FsF-F2-01M", "descriptive core metadata"),
    SEARCHABLE("FsF-F4-01M", "searchable by facets"),
    METADATA_PERSISTENCE("FsF-A2-01M", "metadata outlives the data (file fixity)"),
    VOCABULARY_TECHNIQUES("FsF-I2-01M", "techniques from PaNET"),
    VOCABULARY_UNITS("FsF-I2-01M", "units understood"),
    QUALIFIED_REFERENCES("FsF-I3-01M", "qualified references"),
    LICENCE("FsF-R1.1-01M", "licence"),
    PROVENANCE("FsF-R1.2-01M", "provenance"),
    COMMUNITY_STANDARD("FsF-R1.3-01M", "community standard (NeXus application definition)");

    private final String fujiId;
    private final String title;

    FairMetric(String fujiId, String title) {
        this.fujiId = fujiId;
        this.title = title;
    }

    /** The FAIRsFAIR / F-UJI metric identifier. */
    public String fujiId() {
        return fujiId;
    }

    public String title() {
        return title;
    }

    /** The stable name of the metric in the API and the stored assessment ({@code rich-metadata}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
