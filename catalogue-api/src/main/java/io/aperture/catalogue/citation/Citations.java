package io.aperture.catalogue.citation;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.json.StringJsonBuilderFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes one CSL item as CSL-JSON and as formatted references, by citeproc-java with the official CSL styles and
 * locales (any bibliography style, any locale).
 */
public final class Citations {
    private Citations() {
    }

    /** The item as a CSL-JSON array of one item (the form citation managers import). */
    public static String cslJson(CSLItemData item) {
        return "[" + item.toJson(new StringJsonBuilderFactory().createJsonBuilder()) + "]";
    }

    /** @param format {@code text} or {@code html} (citeproc-java's output formats) */
    public static String reference(CSLItemData item, CitationStyle style, String format) {
        try {
            CSL csl = new CSL(new ListItemDataProvider(item), style.style(), style.locale());
            csl.setOutputFormat(format);
            csl.registerCitationItems(item.getId());
            return csl.makeBibliography().makeString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
