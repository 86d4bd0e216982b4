package io.aperture.catalogue.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** E-mail notices to PIs and alternate contacts ({@code aperture.notify.*}); the mail server is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "aperture.notify")
public interface NoticeConfig {
    /** How long one sending attempt may take before it is cut off and tried again. */
    @WithDefault("PT20S")
    Duration attemptTimeout();

    /** How many attempts a notice gets before it is given up (and logged). */
    @WithDefault("4")
    int attempts();

    /** How often embargoes whose extension window opened are looked for ({@code off} disables it). */
    @WithDefault("1h")
    String windowCheck();
}
