package io.aperture.catalogue.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

/**
 * The embargo engine's settings ({@code aperture.embargo.*}): the policy's numbers and the jobs that apply them.
 * The defaults are the facility policy of EMBARGO-POLICY.md; {@code period} and {@code zone} default to the
 * environment variables {@code APERTURE_EMBARGO_PERIOD} and {@code APERTURE_FACILITY_ZONE} when they are set.
 */
@ConfigMapping(prefix = "aperture.embargo")
public interface EmbargoConfig {
    /** How long data stays embargoed after production. */
    @WithDefault("${APERTURE_EMBARGO_PERIOD:P3Y}")
    Period period();

    /** How far one approved extension moves the end. */
    @WithDefault("P12M")
    Period extensionStep();

    /** How long before the end an extension may be requested. */
    @WithDefault("P3M")
    Period extensionWindow();

    /** The zone of the facility's calendar, in which embargo dates are computed and told. */
    @WithDefault("${APERTURE_FACILITY_ZONE:Europe/London}")
    ZoneId zone();

    /** SPDX id of the licence applied on release. */
    @WithDefault("CC-BY-4.0")
    String licence();

    /** The licence's canonical text. */
    @WithDefault("https://creativecommons.org/licenses/by/4.0/")
    URI licenceUrl();

    /** Whether a valid extension request is approved without a staff decision. */
    @WithDefault("false")
    boolean autoApprove();

    /** How many due embargoes the release job claims per transaction. */
    @WithDefault("200")
    int releaseBatch();

    /** How often the release job runs ({@code off} disables it, as the tests do). */
    @WithDefault("60s")
    String releaseInterval();

    /** How long a visit's embargo end must stay unmoved before it is copied to the visit's earlier datasets. */
    @WithDefault("PT1H")
    Duration visitSyncQuiet();

    /** How often settled visits are looked for ({@code off} disables it). */
    @WithDefault("5m")
    String visitSyncInterval();
}
