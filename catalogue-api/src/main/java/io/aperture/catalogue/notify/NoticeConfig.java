package io.aperture.catalogue.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** E-mail notices to PIs and alternate contacts ({@code aperture.notify.*}); the mail server is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "aperture.notify")
public interface NoticeConfig {
    /** How long one sending attempt may take before it counts as failed. */
    @WithDefault("PT20S")
    Duration attemptTimeout();

    /** How many attempts a notice gets before it is kept as failed (with the back-off: about a day of outage). */
    @WithDefault("30")
    int attempts();

    /** How often the notice outbox is looked at for notices due to be sent ({@code off} disables sending here). */
    @WithDefault("5s")
    String sendInterval();

    /** The pause after a failed attempt; doubles per failure up to {@link Retry#max()}. */
    Retry retry();

    /** How often embargoes whose extension window opened are looked for ({@code off} disables it). */
    @WithDefault("1h")
    String windowCheck();

    interface Retry {
        @WithDefault("PT30S")
        Duration initial();

        @WithDefault("PT1H")
        Duration max();
    }
}
