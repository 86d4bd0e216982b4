package io.aperture.portal;

import io.aperture.portal.testing.AnnouncedScans;
import io.aperture.portal.testing.Broker;
import io.aperture.portal.testing.HarvesterProcess;
import io.aperture.portal.testing.RealServices;
import io.aperture.stack.EmbeddedStack;
import io.aperture.stack.Ports;
import io.aperture.stack.StackService;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static io.aperture.portal.testing.AnnouncedScans.catalogued;
import static io.aperture.portal.testing.AnnouncedScans.indexed;
import static io.aperture.portal.testing.AnnouncedScans.oidc;
import static io.aperture.portal.testing.AnnouncedScans.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker restarted in the middle of a stream of "scan finished" messages (issue #14): a {@code harvest watch}
 * process is working through the first half when Artemis stops; it reconnects by itself when the broker is back,
 * the messages still queued (durable, in the broker's journal) and those it had taken but not yet acknowledged come
 * again, the second half is announced after the restart — and every announced file is catalogued, each entry once,
 * and searchable. The broker is one of this test's own (the stack's, on the same data folder and port after the
 * restart), so the shared stack's broker is never stopped.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class BrokerRestartIT {
    private static final int COPIES = 6;

    @Inject
    EntityManager em;

    @Inject
    SearchSession search;

    @Test
    void aBrokerRestartedMidStreamLosesNoScanAndDuplicatesNone(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("beamline"));
        List<Path> announced = AnnouncedScans.copy(root, COPIES);
        List<Path> firstHalf = announced.subList(0, announced.size() / 2);
        List<Path> secondHalf = announced.subList(announced.size() / 2, announced.size());
        EmbeddedStack artemis = EmbeddedStack.builder(dir.resolve("artemis")).only(EnumSet.of(StackService.BROKER))
                .amqpPort(Ports.free()).build();
        Broker before = Broker.of(artemis.start());
        HarvesterProcess harvester = HarvesterProcess.watch(before, server(), oidc(), dir.resolve("state.json"), root);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> harvester.output().contains("listening on"));
            for (Path p : firstHalf) {
                before.announce(p.toString());
            }
            // stopped as soon as one file is done, with the rest of the first half queued or in flight
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> harvester.output().contains("OK " + root));
            assertThat(catalogued(em, root)).as("the restart comes mid-stream").hasSizeLessThan(firstHalf.size());
            before.close();
            artemis.close();

            try (Broker after = Broker.of(artemis.start())) {
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        harvester.output().split("listening on", -1).length - 1 >= 2);
                for (Path p : secondHalf) {
                    after.announce(p.toString());
                }
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(catalogued(em, root).keySet()).as("harvester:\n%s", harvester.output())
                                .hasSize(announced.size()));
            }
            Map<String, Long> perFile = catalogued(em, root);
            AnnouncedScans.assertEachOnce(perFile);
            long datasets = perFile.values().stream().mapToLong(Long::longValue).sum();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(indexed(em, search, root)).isEqualTo(datasets));
            assertThat(harvester.output()).doesNotContain("FAILED").doesNotContain("REJECTED");
        } finally {
            harvester.stop();
            artemis.close();
        }
    }
}
