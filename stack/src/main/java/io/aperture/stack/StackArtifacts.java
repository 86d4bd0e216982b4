package io.aperture.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The OpenSearch node JVM's classpath: its own jar, then the dependencies the build listed. */
    String openSearchClasspath() {
        if (!Files.isRegularFile(openSearchClasspathFile) || !Files.isRegularFile(openSearchNodeJar)) {
            throw new StackException("OpenSearch: the node was not built (" + openSearchClasspathFile
                    + " is missing); run ./mvnw install -pl stack");
        }
        try {
            return openSearchNodeJar + java.io.File.pathSeparator + Files.readString(openSearchClasspathFile).strip();
        } catch (IOException e) {
            throw new StackException("OpenSearch: cannot read " + openSearchClasspathFile + ": " + e.getMessage(), e);
        }
    }
}
