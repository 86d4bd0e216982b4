package io.aperture.catalogue.citation;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLName;


/**
 * Writes one CSL item as a RIS record (type {@code DATA}), as reference managers import it. citeproc-java reads RIS
 * but has no writer, and RIS is a list of tagged lines, so this is the one hand-written format: tags {@code TY},
 * {@code AU} ("Family, Given"), {@code TI}, {@code PY}, {@code PB}, {@code DO}, {@code UR}, {@code ER}; CRLF line
 * ends as the RIS specification asks.
 */
public final class Ris {
    private static final String EOL = "\r\n";

    private Ris() {
    }

    public static String of(CSLItemData item) {
        StringBuilder out = new StringBuilder();
        line(out, "TY", "DATA");
        if (item.getAuthor() != null) {
            for (CSLName a : item.getAuthor()) {
                line(out, "AU", a.getLiteral() != null ? a.getLiteral()
                        : a.getGiven() == null ? a.getFamily() : a.getFamily() + ", " + a.getGiven());
            }
        }
        line(out, "TI", item.getTitle());
        if (item.getIssued() != null && item.getIssued().getDateParts() != null) {
            line(out, "PY", String.valueOf(item.getIssued().getDateParts()[0][0]));
        }
        line(out, "PB", item.getPublisher());
        line(out, "DO", item.getDOI());
        line(out, "UR", item.getURL());
        out.append("ER  - ").append(EOL);
        return out.toString();
    }

    /** One tag line; a value never spans lines (a line break would start a bogus tag). */
    private static void line(StringBuilder out, String tag, String value) {
        if (value != null && !value.isBlank()) {
            out.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ").strip()).append(EOL);
        }
    }
}
