package io.aperture.catalogue.citation;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLName;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXFormatter;
import org.jbibtex.Key;
import org.jbibtex.StringValue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes one CSL item as a BibTeX {@code @misc} entry with jbibtex (the BibTeX library citeproc-java uses). The CSL
 * repository's {@code bibtex} style was tried first: it writes a key with spaces and an organisation as a person,
 * which BibTeX then splits into given and family names. Here an organisation is braced, the key is the DOI (as DOI
 * content negotiation does) and LaTeX's special characters are escaped.
 */
public final class Bibtex {
    private static final Pattern SPECIAL = Pattern.compile("[\\\\{}&%$#_~^]");

    private Bibtex() {
    }

    public static String of(CSLItemData item) {
        BibTeXEntry e = new BibTeXEntry(BibTeXEntry.TYPE_MISC, new Key(item.getDOI() != null ? item.getDOI() : CslItems.ITEM_ID));
        if (item.getAuthor() != null && item.getAuthor().length > 0) {
            e.addField(BibTeXEntry.KEY_AUTHOR, braced(Arrays.stream(item.getAuthor()).map(Bibtex::name)
                    .collect(Collectors.joining(" and "))));
        }
        e.addField(BibTeXEntry.KEY_TITLE, braced(escape(item.getTitle())));
        e.addField(BibTeXEntry.KEY_PUBLISHER, braced(escape(item.getPublisher())));
        if (item.getIssued() != null && item.getIssued().getDateParts() != null) {
            e.addField(BibTeXEntry.KEY_YEAR, braced(String.valueOf(item.getIssued().getDateParts()[0][0])));
        }
        if (item.getDOI() != null) {
            e.addField(BibTeXEntry.KEY_DOI, braced(item.getDOI()));
        }
        e.addField(BibTeXEntry.KEY_URL, braced(item.getURL()));
        BibTeXDatabase db = new BibTeXDatabase();
        db.addObject(e);
        StringWriter out = new StringWriter();
        try {
            new BibTeXFormatter().format(db, out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    /** "Family, Given" for a person; an organisation in braces, so BibTeX keeps it whole. */
    private static String name(CSLName n) {
        if (n.getLiteral() != null) {
            return "{" + escape(n.getLiteral()) + "}";
        }
        return n.getGiven() == null ? escape(n.getFamily()) : escape(n.getFamily()) + ", " + escape(n.getGiven());
    }

    private static StringValue braced(String s) {
        return new StringValue(s == null ? "" : s, StringValue.Style.BRACED);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        Matcher m = SPECIAL.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String c = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(switch (c) {
                case "\\" -> "\\textbackslash{}";
                case "~" -> "\\textasciitilde{}";
                case "^" -> "\\textasciicircum{}";
                default -> "\\" + c;
            }));
        }
        m.appendTail(out);
        return out.toString();
    }
}
