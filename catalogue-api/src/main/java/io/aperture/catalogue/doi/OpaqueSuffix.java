package io.aperture.catalogue.doi;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * DOI suffixes that say nothing about the record: random symbols of Crockford's base32 alphabet without {@code z}
 * (31 symbols: no i, l, o, u; lower case), in groups of four, the last one a check symbol — the position-weighted sum
 * modulo 31, which catches every single mistyped symbol and every swap of two neighbours. Never derived from the title,
 * proposal, sample, instrument or any other metadata, so a DOI reserved for an embargoed dataset discloses nothing,
 * and consecutive DOIs cannot be enumerated. Eleven random symbols: about 54 bits. Only letters, digits and hyphens:
 * nothing to escape in a URL. A facility may put a constant segment of its own before them ({@code dls.7k2m-…},
 * {@code aperture.doi.suffix-prefix}): lower-case letters and digits only, checked when the suffixes are set up, so no
 * pattern or placeholder can bring a record's fields into a DOI.
 */
public final class OpaqueSuffix {
    static final String SYMBOLS = "0123456789abcdefghjkmnpqrstvwxy";
    static final int RANDOM_SYMBOLS = 11;

    /** What a fixed first segment may be: a short name, nothing that could be filled from a record. */
    private static final Pattern LEAD = Pattern.compile("[a-z0-9]{1,16}");

    private final RandomGenerator random;
    private final String lead;

    public OpaqueSuffix(RandomGenerator random) {
        this(random, Optional.empty());
    }

    /**
     * @param lead a constant first segment for every suffix ({@code dls} → {@code dls.7k2m-9qx4-t0hc}), or empty
     * @throws IllegalArgumentException naming what is wrong with {@code lead}
     */
    public OpaqueSuffix(RandomGenerator random, Optional<String> lead) {
        this.random = Objects.requireNonNull(random, "random");
        lead.filter(l -> !LEAD.matcher(l).matches()).ifPresent(l -> {
            throw new IllegalArgumentException("must be 1 to 16 lower-case letters or digits (a constant such as the"
                    + " facility's short name), got '" + l + "'");
        });
        this.lead = lead.map(l -> l + ".").orElse("");
    }

    /** A new suffix, e.g. {@code 7k2m-9qx4-t0hc}, or {@code dls.7k2m-9qx4-t0hc} with a first segment. */
    public String next() {
        StringBuilder symbols = new StringBuilder(RANDOM_SYMBOLS + 1);
        for (int i = 0; i < RANDOM_SYMBOLS; i++) {
            symbols.append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
        }
        symbols.append(checkSymbol(symbols));
        StringBuilder out = new StringBuilder(lead);
        for (int i = 0; i < symbols.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(symbols.charAt(i));
        }
        return out.toString();
    }

    /**
     * Whether {@code suffix} (the random part, without a first segment) has this form and its check symbol agrees
     * (case-insensitive, as DOIs are).
     */
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
