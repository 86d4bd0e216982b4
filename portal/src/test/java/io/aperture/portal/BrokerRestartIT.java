package io.aperture.portal;

import io.aperture.catalogue.model.Dataset;
import io.aperture.portal.testing.Broker;
import io.aperture.portal.testing.HarvesterProcess;
import io.aperture.portal.testing.RealServices;
import io.aperture.stack.EmbeddedStack;
import io.aperture.stack.Ports;
import io.aperture.stack.StackService;
import io.aperture.testsupport.RepoFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    private static final List<String> FILES = List.of("dls_i13_24888.nxs", "isis_loq_minimal_histogram.nxs",
            "savu_24737_processed.nxs", "savu_b16_pipeline.nxs", "savu_fluo.nxs");
    private static final int COPIES = 6;

    @Inject
    EntityManager em;

    @Inject
    SearchSession search;

    private static String server() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
    }

    private static String oidc() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.api.auth-server-url", String.class);
    }

    /** Datasets per announced file, by path. */
    private Map<String, Long> catalogued(Path root) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "SELECT source_path, count(*) FROM dataset WHERE source_path LIKE ?1 GROUP BY source_path")
                    .setParameter(1, root + "/%").getResultList();
            Map<String, Long> out = new TreeMap<>();
            rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
            return out;
        });
    }

    private long indexed(Path root) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> pids = em.createQuery("select d.pid from Dataset d where d.sourcePath like ?1", String.class)
                    .setParameter(1, root + "/%").getResultList();
            return search.search(Dataset.class).where(f -> f.terms().field("pid").matchingAny(pids)).fetchTotalHitCount();
        });
    }

    private static List<Path> copies(Path root) throws Exception {
        List<Path> out = new ArrayList<>();
        for (int copy = 1; copy <= COPIES; copy++) {
            Path visit = Files.createDirectories(root.resolve("visit-" + copy));
            for (String name : FILES) {
                Path copied = Files.copy(RepoFiles.path("examples/nexus/" + name), visit.resolve(name));
                // written a while ago: a file modified just now is taken for one a writer still holds open
                Files.setLastModifiedTime(copied, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
                out.add(copied);
            }
        }
        return out;
    }

    @Test
    void aBrokerRestartedMidStreamLosesNoScanAndDuplicatesNone(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("beamline"));
        List<Path> announced = copies(root);
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
            assertThat(catalogued(root)).as("the restart comes mid-stream").hasSizeLessThan(firstHalf.size());
            before.close();
            artemis.close();

            try (Broker after = Broker.of(artemis.start())) {
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        harvester.output().split("listening on", -1).length - 1 >= 2);
                for (Path p : secondHalf) {
                    after.announce(p.toString());
                }
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(catalogued(root).keySet()).as("harvester:\n%s", harvester.output())
                                .hasSize(announced.size()));
            }
            Map<String, Long> perFile = catalogued(root);
            for (String name : FILES) {
                List<Long> entries = perFile.entrySet().stream().filter(e -> e.getKey().endsWith("/" + name))
                        .map(Map.Entry::getValue).distinct().toList();
                assertThat(entries).as("every copy of %s has the same entries, once each", name).hasSize(1);
            }
            long datasets = perFile.values().stream().mapToLong(Long::longValue).sum();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(indexed(root)).isEqualTo(datasets));
            assertThat(harvester.output()).doesNotContain("FAILED").doesNotContain("REJECTED");
        } finally {
            harvester.stop();
            artemis.close();
        }
    }
}
