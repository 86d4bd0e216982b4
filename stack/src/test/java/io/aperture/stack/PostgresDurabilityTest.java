package io.aperture.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL keeps the data and the audit chain of ./aperture start: durable unless a test stack asks. */
class PostgresDurabilityTest {

    @Test
    void theServerIsDurableByDefault() {
        assertThat(PostgresService.serverConfig(false))
                .containsEntry("fsync", "on")
                .containsEntry("synchronous_commit", "on")
                .containsEntry("full_page_writes", "on")
                .containsEntry("listen_addresses", "127.0.0.1");
    }

    @Test
    void onlyATestStackRunsWithoutFsync() {
        assertThat(PostgresService.serverConfig(true))
                .containsEntry("fsync", "off")
                .containsEntry("synchronous_commit", "off")
                .containsEntry("full_page_writes", "off");
    }

    @Test
    void aStackIsBuiltDurableUnlessTheBuilderIsToldOtherwise() {
        EmbeddedStack.Builder builder = EmbeddedStack.builder(Path.of("target", "durability-test"));
        assertThat(builder.build().fastUnsafeDisk()).isFalse();
        assertThat(builder.fastUnsafeDisk(true).build().fastUnsafeDisk()).isTrue();
    }
}
