package io.aperture.catalogue.citation;

import de.undercouch.citeproc.CSL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CSL style and locale a citation may be formatted in: the name of a style of the official CSL repository
 * ({@code org.citationstyles:styles}, e.g. {@code apa}, {@code ieee}) that can format a bibliography, and a locale
 * of {@code org.citationstyles:locales} ({@code en-US}, {@code de-DE}). Anything else is refused with a message
 * naming the problem.
 */
public record CitationStyle(String style, String locale) {
    public static final String DEFAULT_STYLE = "apa";
    public static final String DEFAULT_LOCALE = "en-US";
    // style names are file names in the styles jar: checked before they reach the class path
    private static final Pattern STYLE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> LOCALES = locales();

    /** Thrown for a style or locale the server does not have. */
    public static class UnknownStyleException extends IllegalArgumentException {
        private final String parameter;

        UnknownStyleException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** @param style a style name or null for {@value #DEFAULT_STYLE}; @param locale a locale or null for {@value #DEFAULT_LOCALE} */
    public static CitationStyle of(String style, String locale) {
        String s = style == null || style.isBlank() ? DEFAULT_STYLE : style.trim();
        String l = locale == null || locale.isBlank() ? DEFAULT_LOCALE : locale.trim();
        if (s.length() > 200 || !STYLE_NAME.matcher(s).matches() || !CSL.supportsStyle(s)) {
            throw new UnknownStyleException("style", "unknown citation style; use the name of a CSL style, e.g. apa, "
                    + "ieee, chicago-author-date, modern-language-association, harvard-cite-them-right, vancouver");
        }
        if (!formatsBibliography(s)) {
            throw new UnknownStyleException("style", "this CSL style formats in-text citations only, not a reference");
        }
        if (!LOCALES.contains(l)) {
            throw new UnknownStyleException("locale", "unknown locale; use one of " + String.join(", ", LOCALES.stream().sorted().toList()));
        }
        return new CitationStyle(s, l);
    }

    private static boolean formatsBibliography(String style) {
        try {
            return CSL.canFormatBibliographies(style);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> locales() {
        try {
            return Set.copyOf(CSL.getSupportedLocales());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
