package io.aperture.catalogue.oaipmh;

/**
 * The terms of the OpenAIRE Guidelines for Data Archives that OAI-PMH answers carry: the {@code openaire_data} set
 * (every record of this repository is a dataset, so every one belongs to it) and the info:eu-repo access rights.
 */
final class OpenAire {
    static final String DATA_SET = "openaire_data";
    static final String DATA_SET_NAME = "OpenAIRE data sets";
    static final String OPEN_ACCESS = "info:eu-repo/semantics/openAccess";
    static final String EMBARGOED_ACCESS = "info:eu-repo/semantics/embargoedAccess";

    private OpenAire() {
    }
}
