package io.aperture.catalogue.config;

import io.aperture.catalogue.access.AccessConfig;
import io.aperture.catalogue.audit.AuditConfig;
import io.aperture.catalogue.datacite.DataCiteConfig;
import io.aperture.catalogue.doi.DoiConfig;
import io.aperture.catalogue.events.EventsConfig;
import io.aperture.catalogue.facility.FacilityConfig;
import io.aperture.catalogue.harvest.HarvestHealthConfig;
import io.aperture.catalogue.ingest.IngestConfig;
import io.aperture.catalogue.notify.NoticeConfig;
import io.aperture.catalogue.oaipmh.OaiConfig;
import io.aperture.catalogue.panosc.PanoscConfig;
import io.aperture.catalogue.tokens.TokenConfig;
import io.aperture.catalogue.ratelimit.RateLimitConfig;
import io.aperture.catalogue.rules.EmbargoConfig;
import io.aperture.catalogue.search.IndexConfig;
import io.aperture.catalogue.search.SearchConfig;
import io.aperture.testsupport.RepoFiles;
import io.quarkus.test.component.QuarkusComponentTest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference in docs/operations.md against the @ConfigMapping interfaces as Quarkus builds them:
 * every default the table states is the default the server runs with, and every key the mappings give a default is
 * in the table. Defaults are declared once, in the mappings; this test keeps the one document of them true.
 */
@QuarkusComponentTest
class ConfigReferenceTest {
    @Inject Mappings mappings;

    /**
     * A component that needs every mapping of the module, so that the container registers them with their defaults;
     * a new mapping must be added here (the third test says so).
     */
    @Singleton
    static class Mappings {
        @Inject FacilityConfig facility;
        @Inject EmbargoConfig embargo;
        @Inject NoticeConfig notice;
        @Inject AccessConfig access;
        @Inject IngestConfig ingest;
        @Inject HarvestHealthConfig harvestHealth;
        @Inject SearchConfig search;
        @Inject IndexConfig index;
        @Inject DataCiteConfig dataCite;
        @Inject DoiConfig doi;
        @Inject OaiConfig oai;
        @Inject TokenConfig tokens;
        @Inject RateLimitConfig rateLimit;
        @Inject EventsConfig events;
        @Inject AuditConfig audit;
        @Inject PanoscConfig panosc;
        // the configuration the container runs with: the mappings registered, their defaults included
        @Inject Config config;
    }

    private static Map<String, ConfigTable.Row> documented() throws IOException {
        return ConfigTable.parse(Files.readString(RepoFiles.path("docs/operations.md")));
    }

    @Test
    void everyDefaultTheReferenceStatesIsTheOneTheServerRunsWith() throws IOException {
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (ConfigTable.Row row : documented().values()) {
            if (row.defaultValue().isEmpty() || !mapped(row.key())) {
                continue;
            }
            String expected = row.environmentVariable().map(System::getenv).orElse(row.defaultValue().get());
            ConfigValue actual = mappings.config.unwrap(SmallRyeConfig.class).getConfigValue(row.key());
            compared++;
            if (!expected.equals(actual.getValue())) {
                wrong.add(row.key() + ": documented " + expected + ", runs with " + actual.getValue());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(compared).as("documented defaults compared").isGreaterThan(30);
    }

    @Test
    void everyKeyTheMappingsDefaultIsDocumented() throws IOException {
        Set<String> keys = new TreeSet<>();
        StreamSupport.stream(mappings.config.getPropertyNames().spliterator(), false)
                .filter(this::mapped).forEach(keys::add);
        assertThat(keys).as("mapped keys").hasSizeGreaterThan(30);
        assertThat(documented().keySet()).containsAll(keys);
    }

    @Test
    void everyMappingOfTheModuleIsCheckedHere() throws IOException {
        Set<String> inModule = new TreeSet<>();
        try (InputStream idx = Files.newInputStream(RepoFiles.path("catalogue-api/target/classes/META-INF/jandex.idx"))) {
            new IndexReader(idx).read().getAnnotations(DotName.createSimple(ConfigMapping.class))
                    .forEach(a -> inModule.add(a.target().asClass().name().toString()));
        }
        Set<String> checked = new TreeSet<>();
        for (Field f : Mappings.class.getDeclaredFields()) {
            if (f.getType().isAnnotationPresent(ConfigMapping.class)) {
                checked.add(f.getType().getName());
            }
        }
        assertThat(inModule).as("@ConfigMapping interfaces in catalogue-api").hasSizeGreaterThan(5);
        assertThat(checked).isEqualTo(inModule);
    }

    /** A key of this module's mappings (the two single keys and the portal's own aperture.secrets.* are not). */
    private boolean mapped(String key) {
        return key.startsWith("aperture.") && !key.equals("aperture.public-url") && !key.equals("aperture.examples.dir")
                && !key.startsWith("aperture.secrets.");
    }
}
