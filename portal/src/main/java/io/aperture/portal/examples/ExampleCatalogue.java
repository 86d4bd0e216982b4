package io.aperture.portal.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.ingest.IngestResult;
import io.aperture.catalogue.ingest.IngestService;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.useroffice.UserOfficeImport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the example user-office import and the example embargoed scans (examples/catalogue/) when
 * {@code aperture.examples.dir} is set, as {@code ./aperture start} does on the embedded stack, so that a new user sees
 * the whole embargo workflow at once. Scans already in the catalogue are left alone: a restart changes nothing.
 */
@ApplicationScoped
public class ExampleCatalogue {
    private static final Logger LOG = Logger.getLogger(ExampleCatalogue.class);

    private final Optional<Path> dir;
    private final UserOfficeImport userOffice;
    private final IngestService ingest;
    private final ObjectMapper mapper;
    private final Clock clock;

    ExampleCatalogue(@ConfigProperty(name = "aperture.examples.dir") Optional<Path> dir, UserOfficeImport userOffice,
                     IngestService ingest, ObjectMapper mapper, Clock clock) {
        this.dir = dir;
        this.userOffice = userOffice;
        this.ingest = ingest;
        this.mapper = mapper;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        if (dir.isEmpty()) {
            return;
        }
        Path root = dir.get();
        var proposals = userOffice.importAll(mapper.readTree(Files.readString(root.resolve("user-office.json"))));
        List<JsonNode> fresh = new ArrayList<>();
        Instant now = clock.instant();
        for (JsonNode r : mapper.readTree(Files.readString(root.resolve("recent-scans.json"))).get("records")) {
            ObjectNode record = r.deepCopy();
            String path = record.path("source").path("path").asText();
            String entry = record.path("source").path("entry").asText();
            boolean known = QuarkusTransaction.requiringNew().call(() -> Dataset.bySource(path, entry) != null);
            if (known) {
                continue;
            }
            Instant produced = now.minus(Duration.ofDays(record.remove("producedDaysAgo").asLong()));
            record.put("producedAt", produced.toString());
            record.put("endTime", produced.toString());
            record.put("startTime", produced.minus(Duration.ofMinutes(20)).toString());
            fresh.add(record);
        }
        List<IngestResult> results = ingest.ingest(fresh, "examples");
        LOG.infof("examples: %d proposals imported, %d example scans added (%d already present)", proposals.size(),
                results.stream().filter(x -> x.error() == null).count(),
                mapper.readTree(Files.readString(root.resolve("recent-scans.json"))).get("records").size() - fresh.size());
    }
}
