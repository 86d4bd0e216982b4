package io.aperture.catalogue.doi;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * DOI suffixes that say nothing about the record: random symbols of Crockford's base32 (no I, L, O, U; lower case),
 * in groups of four, the last symbol a check symbol (mod 37) that catches a mistyped or swapped symbol. Never derived
 * from the title, proposal, sample, instrument or any other metadata, so a DOI reserved for an embargoed dataset
 * discloses nothing, and consecutive DOIs cannot be enumerated. Eleven random symbols: 55 bits.
 */
public final class OpaqueSuffix {
    static final String SYMBOLS = "0123456789abcdefghjkmnpqrstvwxyz";
    /** Crockford's extra check symbols for the values 32..36. */
    private static final String CHECK_SYMBOLS = SYMBOLS + "*~$=u";
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
        if (suffix == null || !suffix.matches("(?i)[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{3}[0-9a-z*~$=]")) {
            return false;
        }
        String symbols = suffix.replace("-", "").toLowerCase(Locale.ROOT);
        String body = symbols.substring(0, RANDOM_SYMBOLS);
        for (int i = 0; i < body.length(); i++) {
            if (SYMBOLS.indexOf(body.charAt(i)) < 0) {
                return false;
            }
        }
        return checkSymbol(body) == symbols.charAt(RANDOM_SYMBOLS);
    }

    private static char checkSymbol(CharSequence body) {
        int mod = 0;
        for (int i = 0; i < body.length(); i++) {
            mod = (mod * 32 + SYMBOLS.indexOf(body.charAt(i))) % 37;
        }
        return CHECK_SYMBOLS.charAt(mod);
    }
}
