package io.aperture.catalogue.ingest;

import java.util.Locale;

/**
 * Stable, URL-safe identifiers. Dataset pids are derived from a hash of the source, so they are stable across
 * re-ingest and do not reveal how many datasets exist (no sequential enumeration).
 */
public final class Pids {
    private Pids() {
    }

    public static String dataset(String facility, String path, String entry) {
        return facility.toUpperCase(Locale.ROOT) + "-" + CanonicalJson.sha256(facility + "\u0000" + path + "\u0000" + entry)
                .substring(0, 20);
    }

    public static String proposal(String facility, String code) {
        return facility.toUpperCase(Locale.ROOT) + "-" + safe(code);
    }

    static String instrument(String facility, String name) {
        return facility.toUpperCase(Locale.ROOT) + "-" + safe(name);
    }

    /**
     * The pid for a row whose readable pid ({@link #proposal}, {@link #instrument}) another row holds already: codes
     * that differ only in characters {@code safe} replaces, or facilities whose codes differ in case, read alike. The
     * suffix hashes what tells the row apart, so it is the same on every ingest.
     */
    static String distinct(String readable, String facility, String key) {
        return readable + "-" + CanonicalJson.sha256(facility + "\u0000" + key).substring(0, 8);
    }

    static String sample(String facility, String name, String formula) {
        return facility.toUpperCase(Locale.ROOT) + "-sample-"
                + CanonicalJson.sha256(name + "\u0000" + (formula == null ? "" : formula)).substring(0, 16);
    }

    private static String safe(String s) {
        return s.replaceAll("[^0-9A-Za-z_.~-]", "_");
    }
}
