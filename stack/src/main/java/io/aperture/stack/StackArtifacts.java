package io.aperture.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

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
     * this module rewrites target/ and must not pull the jar from under a stack that is starting or running.
     */
    String openSearchClasspath(Path libDir) {
        awaitBuilt(openSearchClasspathFile);
        awaitBuilt(openSearchNodeJar);
        try {
            Files.createDirectories(libDir);
            Path jar = libDir.resolve(openSearchNodeJar.getFileName());
            if (!Files.exists(jar) || Files.mismatch(jar, openSearchNodeJar) != -1) {
                Path tmp = libDir.resolve(jar.getFileName() + ".tmp");
                Files.copy(openSearchNodeJar, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return jar + File.pathSeparator + Files.readString(openSearchClasspathFile).strip();
        } catch (IOException e) {
            throw new StackException("OpenSearch: cannot prepare its classpath from " + openSearchNodeJar + " and "
                    + openSearchClasspathFile + ": " + e.getMessage() + "; run ./mvnw install -pl stack", e);
        }
    }

    /** Waits a little for a file that a concurrent build of this module may be rewriting right now. */
    private static void awaitBuilt(Path file) {
        for (int i = 0; i < 40 && !Files.isRegularFile(file); i++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new StackException("OpenSearch: the node was not built (" + file + " is missing); run ./mvnw install -pl stack");
        }
    }
}
