package io.aperture.catalogue.doi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * DOI registration at DataCite ({@code aperture.doi.*}, docs/doi.md). Off by default: a catalogue without a DataCite
 * account mints nothing. When {@link #enabled()}, {@link #prefix()}, {@link #repositoryId()} and {@link #password()}
 * are required (the server refuses to start without them).
 *
 * <p>Granularity: one DOI per dataset, and with {@link #collections()} one more per visit or per proposal (a DataCite
 * {@code Collection} with {@code HasPart}/{@code IsPartOf}).
 */
@ConfigMapping(prefix = "aperture.doi")
public interface DoiConfig {
    /** Whether DOIs are minted and registered at all. */
    @WithDefault("false")
    boolean enabled();

    /** The DataCite REST API base ({@code https://api.datacite.org} in production). */
    @WithDefault("https://api.test.datacite.org")
    URI apiUrl();

    /**
     * The DOI prefix of the repository, e.g. {@code 10.5438}; no default (DataCite assigns one per repository; a test
     * account gets a test prefix).
     */
    Optional<String> prefix();

    /** The DataCite repository id (account), e.g. {@code ABC.APERTURE}: the basic-auth user. */
    Optional<String> repositoryId();

    /**
     * The repository's password: bound to the environment variable {@code APERTURE_DATACITE_PASSWORD} in
     * application.properties, never given a default.
     */
    Optional<String> password();

    /**
     * A fixed first segment of every new DOI's suffix, before its opaque random part: the facility's short name
     * {@code dls} makes DOIs such as {@code 10.5438/dls.7k2m-9qx4-t0hc}. One to sixteen lower-case letters or digits,
     * checked at start (the server does not start otherwise); a constant, so it cannot carry anything of a record.
     * Unset by default: suffixes are the random part alone. DOIs minted before it was set or changed keep their names.
     */
    Optional<String> suffixPrefix();

    /** Whether a draft DOI is reserved for every newly catalogued (embargoed) dataset. */
    @WithDefault("false")
    boolean reserveAtIngest();

    /**
     * Whether a visit's ({@code VISIT}) or a proposal's ({@code PROPOSAL}) datasets also get one collection DOI for
     * them all, besides each dataset's own; {@code NONE}: only the datasets' DOIs.
     */
    @WithDefault("NONE")
    CollectionLevel collections();

    /**
     * Whether each dataset gets a DOI of its own. {@code false} with {@link #collections()} {@code VISIT} or
     * {@code PROPOSAL} mints only the collections' DOIs (as ISIS mints one per experiment): their DataCite records
     * list the datasets by landing page. With {@code NONE} the server does not start (nothing would ever be minted).
     */
    @WithDefault("true")
    boolean datasets();

    /** How often the DOI job looks for due outbox rows ({@code off} disables it, as most tests do). */
    @WithDefault("10s")
    String pollInterval();

    /** How many outbox rows one run of the job sends at most (each in its own transaction). */
    @WithDefault("50")
    int batchSize();

    /** Back-off after a retryable failure (5xx, timeout, no connection). */
    Retry retry();

    /** Timeouts of one DataCite call. */
    Http http();

    /** When {@code /q/health/well} reports the DOI outbox DOWN. */
    Health health();

    interface Retry {
        /** The pause after the first failure; it doubles with every further failure. */
        @WithDefault("PT30S")
        Duration initial();

        /** The longest pause between two attempts. */
        @WithDefault("PT1H")
        Duration max();
    }

    interface Http {
        @WithDefault("PT10S")
        Duration connectTimeout();

        /** How long DataCite may take to answer one call before it counts as a (retryable) timeout. */
        @WithDefault("PT30S")
        Duration requestTimeout();
    }

    interface Health {
        /** DOWN when the oldest pending row has waited longer than this (a DataCite outage, or no job running). */
        @WithDefault("PT6H")
        Duration maxPendingAge();
    }
}
