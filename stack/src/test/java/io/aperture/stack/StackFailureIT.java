package io.aperture.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the user sees when the stack cannot start, and that nothing is left running then. */
class StackFailureIT {
    @TempDir
    Path dir;

    @Test
    void aBusyPortFailsBeforeAnythingStartsAndNamesPortServiceAndFix() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int busy = taken.getLocalPort();
            int amqp = Ports.free();
            EmbeddedStack stack = EmbeddedStack.builder(dir).postgresPort(busy).amqpPort(amqp)
                    .only(Set.of(StackService.BROKER, StackService.POSTGRES)).build();

            assertThatThrownBy(stack::start).isInstanceOf(StackException.class)
                    .hasMessage("port " + busy + " (PostgreSQL) is in use: stop the other process or set APERTURE_DB_PORT");
            // checked before anything started: the broker, first in line, never ran
            assertThat(dir.resolve("artemis")).doesNotExist();
            assertThat(dir.resolve("postgres")).doesNotExist();
            assertThat(Ports.isFree(amqp)).isTrue();
        }
    }

    @Test
    void aBusyManagementPortIsNamedToo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int busy = taken.getLocalPort();
            EmbeddedStack stack = EmbeddedStack.builder(dir).keycloakPort(Ports.free()).keycloakManagementPort(busy)
                    .only(Set.of(StackService.KEYCLOAK)).build();

            assertThatThrownBy(stack::start).hasMessageStartingWith("port " + busy + " (Keycloak management")
                    .hasMessageEndingWith("set APERTURE_KEYCLOAK_PORT");
        }
    }

    @Test
    void aServiceThatDiesNamesItsLogAndTheOthersAreStopped() {
        int amqp = Ports.free();
        int search = Ports.free();
        // a heap too small for any JVM: the OpenSearch process exits at once
        EmbeddedStack stack = EmbeddedStack.builder(dir).searchPort(search).searchTransportPort(Ports.free()).amqpPort(amqp)
                .searchHeap("1k").only(Set.of(StackService.OPENSEARCH, StackService.BROKER)).build();

        assertThatThrownBy(stack::start).isInstanceOf(StackException.class)
                .hasMessageContaining("OpenSearch stopped during start-up")
                .hasMessageContaining(dir.resolve("logs/opensearch.log").toString());
        assertThat(Ports.isFree(amqp)).as("the broker was stopped").isTrue();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
        stack.close(); // harmless after a failed start
    }

    @Test
    void aMissingKeycloakDistributionIsDownloadedAndAFailedDownloadSaysWhat() {
        KeycloakDistribution missing = new KeycloakDistribution(dir, dir.resolve("nowhere.zip"), "0.0.0-no-such-version");

        assertThatThrownBy(missing::home).isInstanceOf(StackException.class)
                .hasMessageStartingWith("Keycloak: the distribution is not in the local Maven repository")
                .hasMessageContaining(KeycloakDistribution.CENTRAL + "0.0.0-no-such-version/")
                .hasMessageContaining("run ./mvnw install -pl stack");
    }
}
