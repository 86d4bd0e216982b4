package io.aperture.catalogue.input;

import java.util.Optional;

/**
 * The one check of text that comes from outside (paths, query and form parameters, imported JSON) before it reaches
 * the database or an XML document. A character XML 1.0 forbids — NUL and the other C0 controls except tab, line feed
 * and carriage return, U+FFFE, U+FFFF, an unpaired surrogate — is never part of a stored value: PostgreSQL refuses NUL
 * outright, and the exports could not carry it.
 */
public final class InputText {
    /** The longest identifier (pid, proposal code, actor) any table holds. */
    public static final int MAX_IDENTIFIER = 200;
    private static final char REPLACEMENT = '\ufffd';

    private InputText() {
    }

    /**
     * Whether a stored record could have this identifier. One that could not is simply unknown: callers answer exactly as
     * for any other unknown identifier, without asking the database.
     */
    public static boolean possibleIdentifier(String identifier) {
        return identifier != null && !identifier.isEmpty() && identifier.length() <= MAX_IDENTIFIER
                && firstForbidden(identifier) < 0;
    }

    /** What is wrong with a value given for a field, worded to follow the field's name; empty when nothing is. */
    public static Optional<String> problem(String value, int maxLength) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            return Optional.of("is longer than " + maxLength + " characters");
        }
        int at = firstForbidden(value);
        if (at >= 0) {
            return Optional.of("contains a control character (U+" + String.format("%04X", (int) value.charAt(at))
                    + ") at position " + at);
        }
        return Optional.empty();
    }

    /** The text with every character XML 1.0 forbids replaced by U+FFFD, so it can be written into any document. */
    public static String forXml(String text) {
        if (text == null || firstForbidden(text) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(allowed(c) ? c : REPLACEMENT);
            }
        }
        return out.toString();
    }

    /** The index of the first character XML 1.0 forbids, or -1. */
    static int firstForbidden(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (!allowed(c)) {
                return i;
            }
        }
        return -1;
    }

    /** XML 1.0 section 2.2 for a single UTF-16 unit (a paired surrogate is checked by the caller). */
    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
