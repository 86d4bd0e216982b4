package io.aperture.catalogue.events;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueEventTest {

    @Test
    void publishedActionsBecomeTypesAndPrivateOnesStayInTheAuditLog() {
        assertThat(CatalogueEvent.type("RECORD_INGESTED", Map.of())).contains("record-ingested");
        assertThat(CatalogueEvent.type("RELEASED_EARLY", Map.of())).contains("released-early");
        assertThat(CatalogueEvent.type("EXTENSION_APPROVED", Map.of())).contains("extension-approved");
        assertThat(CatalogueEvent.type("DOI_ACCEPTED", Map.of("state", "FINDABLE"))).contains("doi-registered");
        assertThat(CatalogueEvent.type("DOI_ACCEPTED", Map.of("state", "REGISTERED"))).contains("doi-registered");
        assertThat(CatalogueEvent.type("DOI_ACCEPTED", Map.of("state", "DRAFT"))).contains("doi-changed");
        // who read protected data, requests not yet decided, index chores: not for archives
        assertThat(CatalogueEvent.type("PROTECTED_DATA_ACCESSED", Map.of())).isEmpty();
        assertThat(CatalogueEvent.type("EXTENSION_REQUESTED", Map.of())).isEmpty();
        assertThat(CatalogueEvent.type("INDEX_REBUILD_STARTED", Map.of())).isEmpty();
    }
}
