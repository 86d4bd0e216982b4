package io.aperture.catalogue.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;
import java.util.Optional;

/**
 * One resilience4j rate limiter per client address, in a bounded Caffeine cache so that ever new addresses cannot
 * grow memory without bound. resilience4j keeps time with {@code System.nanoTime}, not an injected clock.
 */
final class ClientLimits {
    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;

    ClientLimits(int requests, Duration period, int maxClients) {
        this.config = RateLimiterConfig.custom().limitForPeriod(requests).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
        // a limiter unused for two periods holds its full allowance again: forgetting it changes nothing
        this.limiters = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(period.multipliedBy(2)).build();
    }

    /** Empty when the client may go ahead (and one request is counted), else how long it should wait. */
    Optional<Duration> acquire(String client) {
        RateLimiter limiter = limiters.get(client, name -> RateLimiter.of(name, config));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : 0;
        return Optional.of(Duration.ofNanos(Math.max(nanos, 0)));
    }
}
