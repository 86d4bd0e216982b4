package io.aperture.catalogue.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ClientLimitsTest {

    @Test
    void eachAddressHasItsOwnAllowanceRenewedEachPeriod() throws InterruptedException {
        ClientLimits limits = new ClientLimits(3, Duration.ofMillis(1500), 10);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.acquire("192.0.2.1")).as("request %d", i + 1).isEmpty();
        }
        Optional<Duration> wait = limits.acquire("192.0.2.1");
        assertThat(wait).as("the fourth in the period").isPresent();
        assertThat(wait.get()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(limits.acquire("192.0.2.2")).as("another address").isEmpty();
        Thread.sleep(wait.get().toMillis() + 50);
        assertThat(limits.acquire("192.0.2.1")).as("after the wait it was told").isEmpty();
    }

    @Test
    void onlyTheSearchApisAreLimitedWhateverTheirCase() {
        assertThat(AnonymousSearchLimit.limited("/api/search")).isTrue();
        assertThat(AnonymousSearchLimit.limited("/api/Datasets")).isTrue();
        assertThat(AnonymousSearchLimit.limited("/api/datasets/count")).isTrue();
        assertThat(AnonymousSearchLimit.limited("/API/DATASETS/DLS-1")).isTrue();
        assertThat(AnonymousSearchLimit.limited("/api/Documents")).isTrue();
        assertThat(AnonymousSearchLimit.limited("/api/instruments/count")).isTrue();
        assertThat(AnonymousSearchLimit.limited("/API/DOCUMENTS/10.5072%2Fx")).isTrue();
        assertThat(AnonymousSearchLimit.limited("/api/documentsx")).isFalse();
        assertThat(AnonymousSearchLimit.limited("/api/searchable")).isFalse();
        assertThat(AnonymousSearchLimit.limited("/api/ingest/records")).isFalse();
        assertThat(AnonymousSearchLimit.limited("/")).as("the portal's search page").isTrue();
        assertThat(AnonymousSearchLimit.limited("/datasets/DLS-1")).as("a landing page").isFalse();
        assertThat(AnonymousSearchLimit.limited("/staff")).isFalse();
        assertThat(AnonymousSearchLimit.limited("/oai")).isFalse();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        assertThat(AnonymousSearchLimit.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(AnonymousSearchLimit.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(AnonymousSearchLimit.retryAfterSeconds(Duration.ofSeconds(59))).isEqualTo(59);
    }
}
