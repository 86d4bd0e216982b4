package io.aperture.catalogue.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymousSearchLimitTest {

    @Test
    void anIpv6ClientCountsForItsSlash64AndAnIpv4ClientForItself() {
        assertThat(AnonymousSearchLimit.clientKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AnonymousSearchLimit.clientKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AnonymousSearchLimit.clientKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(AnonymousSearchLimit.clientKey("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(AnonymousSearchLimit.clientKey("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void rotatingAddressesInsideOneSlash64ShareOneAllowance() {
        ClientLimits limits = new ClientLimits(3, Duration.ofMinutes(1), 100);
        int refused = 0;
        for (int i = 1; i <= 10; i++) {
            Optional<Duration> wait = limits.acquire(AnonymousSearchLimit.clientKey("2001:db8:1:2::" + Integer.toHexString(i)));
            refused += wait.isPresent() ? 1 : 0;
        }
        assertThat(refused).isEqualTo(7);
        assertThat(limits.acquire(AnonymousSearchLimit.clientKey("2001:db8:9:9::1"))).as("another network").isEmpty();
    }
}
