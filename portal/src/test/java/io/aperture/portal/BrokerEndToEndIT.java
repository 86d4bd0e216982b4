package io.aperture.portal;

import io.aperture.portal.testing.AnnouncedScans;
import io.aperture.portal.testing.Broker;
import io.aperture.portal.testing.HarvesterProcess;
import io.aperture.portal.testing.RealServices;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.aperture.portal.testing.AnnouncedScans.catalogued;
import static io.aperture.portal.testing.AnnouncedScans.indexed;
import static io.aperture.portal.testing.AnnouncedScans.oidc;
import static io.aperture.portal.testing.AnnouncedScans.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker path end to end: "scan finished" messages on the real Artemis queue, two {@code harvest watch} processes
 * sharing it, the real server, the index. One harvester is killed with SIGKILL while files are in flight and started
 * again: every announced file is catalogued, each entry once, and searchable.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class BrokerEndToEndIT {
    private static final int COPIES = 4;

    @Inject
    EntityManager em;

    @Inject
    SearchSession search;

    @Test
    void announcedScansAreCataloguedOnceThroughTwoHarvestersAndAKill(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("beamline"));
        List<Path> announced = AnnouncedScans.copy(root, COPIES);
        try (Broker broker = Broker.ofStack()) {
            HarvesterProcess first = HarvesterProcess.watch(broker, server(), oidc(), dir.resolve("first.json"), root);
            HarvesterProcess second = HarvesterProcess.watch(broker, server(), oidc(), dir.resolve("second.json"), root);
            HarvesterProcess restarted = null;
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> first.output().contains("listening on")
                        && second.output().contains("listening on"));
                for (Path p : announced) {
                    broker.announce(p.toString());
                }
                // killed as soon as it has done one file, with others of its share in flight
                await().atMost(Duration.ofSeconds(90)).until(() -> first.output().contains("OK " + root)
                        || catalogued(em, root).size() == announced.size());
                first.kill();
                restarted = HarvesterProcess.watch(broker, server(), oidc(), dir.resolve("first.json"), root);

                HarvesterProcess again = restarted;
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(catalogued(em, root).keySet()).as("second:\n%s\nrestarted:\n%s", second.output(), again.output())
                                .hasSize(announced.size()));
                Map<String, Long> perFile = catalogued(em, root);
                AnnouncedScans.assertEachOnce(perFile);
                long datasets = perFile.values().stream().mapToLong(Long::longValue).sum();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(indexed(em, search, root)).isEqualTo(datasets));
                assertThat(second.output() + again.output()).doesNotContain("FAILED").doesNotContain("REJECTED");
            } finally {
                first.kill();
                second.stop();
                if (restarted != null) {
                    restarted.stop();
                }
            }
        }
    }
}
