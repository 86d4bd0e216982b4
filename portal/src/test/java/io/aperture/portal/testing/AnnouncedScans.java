package io.aperture.portal.testing;

import io.aperture.catalogue.model.Dataset;
import io.aperture.testsupport.RepoFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.search.mapper.orm.session.SearchSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans announced to the broker as a beamline's acquisition system would: copies of real NeXus files below a folder,
 * the addresses a {@code harvest watch} process needs, and what the catalogue and the index made of them.
 */
public final class AnnouncedScans {
    /** Real files of examples/nexus without external links (each is a scan of its own). */
    public static final List<String> FILES = List.of("dls_i13_24888.nxs", "isis_loq_minimal_histogram.nxs",
            "savu_24737_processed.nxs", "savu_b16_pipeline.nxs", "savu_fluo.nxs");

    private AnnouncedScans() {
    }

    /** {@code copies} folders {@code visit-N} below root, each with a copy of every file of {@link #FILES}. */
    public static List<Path> copy(Path root, int copies) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int copy = 1; copy <= copies; copy++) {
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

    /** The test server's address, where the harvesters send their records. */
    public static String server() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
    }

    /** The realm the harvesters get their tokens from. */
    public static String oidc() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.api.auth-server-url", String.class);
    }

    /** Datasets per announced file, by path. */
    public static Map<String, Long> catalogued(EntityManager em, Path root) {
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

    /** Documents in the index of the datasets catalogued from files below root. */
    public static long indexed(EntityManager em, SearchSession search, Path root) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> pids = em.createQuery("select d.pid from Dataset d where d.sourcePath like ?1", String.class)
                    .setParameter(1, root + "/%").getResultList();
            return search.search(Dataset.class).where(f -> f.terms().field("pid").matchingAny(pids)).fetchTotalHitCount();
        });
    }

    /** Every copy of a file has the same entries, once each: a file catalogued twice would have more. */
    public static void assertEachOnce(Map<String, Long> perFile) {
        for (String name : FILES) {
            List<Long> entries = perFile.entrySet().stream().filter(e -> e.getKey().endsWith("/" + name))
                    .map(Map.Entry::getValue).distinct().toList();
            assertThat(entries).as("every copy of %s has the same entries, once each", name).hasSize(1);
        }
    }
}
