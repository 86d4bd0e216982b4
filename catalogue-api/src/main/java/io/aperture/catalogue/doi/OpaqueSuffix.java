package io.aperture.catalogue.doi;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * DOI suffixes that say nothing about the record: random symbols of Crockford's base32 alphabet without {@code z}
 * (31 symbols: no i, l, o, u; lower case), in groups of four, the last one a check symbol — the position-weighted sum
 * modulo 31, which catches every single mistyped symbol and every swap of two neighbours. Never derived from the title,
 * proposal, sample, instrument or any other metadata, so a DOI reserved for an embargoed dataset discloses nothing,
 * and consecutive DOIs cannot be enumerated. Eleven random symbols: about 54 bits. Only letters, digits and hyphens:
 * nothing to escape in a URL.
 */
public final class OpaqueSuffix {
    static final String SYMBOLS = "0123456789abcdefghjkmnpqrstvwxy";
    static final int RANDOM_SYMBOLS = 11;

    private final RandomGenerator random;

    public OpaqueSuffix(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new suffix, e.g. {@code 7k2m-9qx4-t0hc}. */
    public String next() {
        StringBuilder symbols = new StringBuilder(RANDOM_SYMBOLS + 1);
        for (int i = 0; i < RANDOM_SYMBOLS; i++) {
            symbols.append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
        }
        symbols.append(checkSymbol(symbols));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < symbols.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(symbols.charAt(i));
        }
        return out.toString();
    }

    /** Whether {@code suffix} has this form and its check symbol agrees (case-insensitive, as DOIs are). */
    public static boolean isWellFormed(String suffix) {
        if (suffix == null || !suffix.matches("(?i)[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}")) {
            return false;
        }
        String symbols = suffix.replace("-", "").toLowerCase(Locale.ROOT);
        for (int i = 0; i < symbols.length(); i++) {
            if (SYMBOLS.indexOf(symbols.charAt(i)) < 0) {
                return false;
            }
        }
        return checkSymbol(symbols.substring(0, RANDOM_SYMBOLS)) == symbols.charAt(RANDOM_SYMBOLS);
    }

    /** Position weights 1..11 are distinct and non-zero modulo the prime 31, and symbol values differ below 31. */
    private static char checkSymbol(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (i + 1) * SYMBOLS.indexOf(body.charAt(i));
        }
        return SYMBOLS.charAt(sum % SYMBOLS.length());
    }
}
