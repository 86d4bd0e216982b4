package io.aperture.portal;

import io.aperture.catalogue.model.Dataset;
import io.aperture.portal.testing.Broker;
import io.aperture.portal.testing.HarvesterProcess;
import io.aperture.portal.testing.RealServices;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    /** Real files of examples/nexus without external links (each is a scan of its own). */
    private static final List<String> FILES = List.of("dls_i13_24888.nxs", "isis_loq_minimal_histogram.nxs",
            "savu_24737_processed.nxs", "savu_b16_pipeline.nxs", "savu_fluo.nxs");
    private static final int COPIES = 4;

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

    @Test
    void announcedScansAreCataloguedOnceThroughTwoHarvestersAndAKill(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("beamline"));
        List<Path> announced = new ArrayList<>();
        for (int copy = 1; copy <= COPIES; copy++) {
            Path visit = Files.createDirectories(root.resolve("visit-" + copy));
            for (String name : FILES) {
                Path copied = Files.copy(RepoFiles.path("examples/nexus/" + name), visit.resolve(name));
                // written a while ago: a file modified just now is taken for one a writer still holds open
                Files.setLastModifiedTime(copied, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
                announced.add(copied);
            }
        }
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
                        || catalogued(root).size() == announced.size());
                first.kill();
                restarted = HarvesterProcess.watch(broker, server(), oidc(), dir.resolve("first.json"), root);

                HarvesterProcess again = restarted;
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(catalogued(root).keySet()).as("second:\n%s\nrestarted:\n%s", second.output(), again.output())
                                .hasSize(announced.size()));
                Map<String, Long> perFile = catalogued(root);
                for (String name : FILES) {
                    List<Long> entries = perFile.entrySet().stream().filter(e -> e.getKey().endsWith("/" + name))
                            .map(Map.Entry::getValue).distinct().toList();
                    assertThat(entries).as("every copy of %s has the same entries, once each", name).hasSize(1);
                }
                long datasets = perFile.values().stream().mapToLong(Long::longValue).sum();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(indexed(root)).isEqualTo(datasets));
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
