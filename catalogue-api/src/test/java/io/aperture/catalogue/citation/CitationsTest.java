package io.aperture.catalogue.citation;

import de.undercouch.citeproc.bibtex.BibTeXConverter;
import de.undercouch.citeproc.csl.CSLItemData;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteMetadata.*;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitationsTest {

    static DataCiteMetadata metadata(Identifier id) {
        Name lovelace = new Name("Lovelace, Ada", NameType.Personal, Optional.of("Ada"), Optional.of("Lovelace"),
                List.of(), List.of(), Optional.empty());
        Name team = new Name("Diamond Light Source", NameType.Organizational, Optional.empty(), Optional.empty(),
                List.of(), List.of(), Optional.empty());
        return new DataCiteMetadata(id, List.of(), List.of(lovelace, team), "Powder diffraction of LaB6",
                new Publisher("Diamond Light Source", Optional.empty()), 2024, "Dataset", List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), new Rights("CC-BY-4.0", "https://spdx.org/licenses/CC-BY-4.0", "CC BY"),
                List.of());
    }

    static final CSLItemData WITH_DOI = CslItems.of(metadata(new Identifier("10.80826/abcd-efgh-jkmn", "DOI")),
            "https://data.example.org/datasets/x");

    @Test
    void cslJsonNamesPartsDoiAndYear() {
        assertThat(Citations.cslJson(WITH_DOI)).isEqualTo("[{\"id\":\"dataset\",\"type\":\"dataset\",\"author\":"
                + "[{\"family\":\"Lovelace\",\"given\":\"Ada\"},{\"literal\":\"Diamond Light Source\"}],"
                + "\"issued\":{\"date-parts\":[[2024]]},\"DOI\":\"10.80826/abcd-efgh-jkmn\","
                + "\"publisher\":\"Diamond Light Source\",\"title\":\"Powder diffraction of LaB6\","
                + "\"URL\":\"https://doi.org/10.80826/abcd-efgh-jkmn\"}]");
    }

    @Test
    void apaIsTheDefaultStyle() {
        assertThat(Citations.reference(WITH_DOI, CitationStyle.of(null, null), "text")).isEqualTo(
                "Lovelace, A., & Diamond Light Source. (2024). Powder diffraction of LaB6 [dataset]. "
                        + "Diamond Light Source. https://doi.org/10.80826/abcd-efgh-jkmn");
    }

    @Test
    void otherStylesAndLocales() {
        assertThat(Citations.reference(WITH_DOI, CitationStyle.of("ieee", "en-US"), "text"))
                .contains("A. Lovelace and Diamond Light Source, “Powder diffraction of LaB6.”")
                .contains("doi: 10.80826/abcd-efgh-jkmn");
        assertThat(Citations.reference(WITH_DOI, CitationStyle.of("ieee", "de-DE"), "text"))
                .contains("A. Lovelace und Diamond Light Source");
        assertThat(Citations.reference(WITH_DOI, CitationStyle.of("apa", null), "html"))
                .contains("<div class=\"csl-entry\">Lovelace, A., &amp; Diamond Light Source. (2024). "
                        + "<span style=\"font-style: italic\">Powder diffraction of LaB6</span>");
    }

    @Test
    void bibtexEntryParsedBackByARealParser() throws Exception {
        String bib = Bibtex.of(WITH_DOI);
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib));
        BibTeXEntry e = db.resolveEntry(new Key("10.80826/abcd-efgh-jkmn"));
        assertThat(e.getType()).isEqualTo(BibTeXEntry.TYPE_MISC);
        assertThat(e.getField(BibTeXEntry.KEY_AUTHOR).toUserString()).isEqualTo("Lovelace, Ada and {Diamond Light Source}");
        assertThat(e.getField(BibTeXEntry.KEY_TITLE).toUserString()).isEqualTo("Powder diffraction of LaB6");
        assertThat(e.getField(BibTeXEntry.KEY_YEAR).toUserString()).isEqualTo("2024");
        assertThat(e.getField(BibTeXEntry.KEY_DOI).toUserString()).isEqualTo("10.80826/abcd-efgh-jkmn");
        // and citeproc-java reads it as the same people: the organisation is not split into given and family names
        CSLItemData back = new BibTeXConverter().toItemData(e);
        assertThat(back.getAuthor()[0].getFamily()).isEqualTo("Lovelace");
        assertThat(back.getAuthor()[1].getGiven()).isNull();
    }

    @Test
    void bibtexEscapesLatexSpecials() {
        assertThat(Bibtex.escape("Co_2 & 50% {x} #1 ~a^b \\")).isEqualTo(
                "Co\\_2 \\& 50\\% \\{x\\} \\#1 \\textasciitilde{}a\\textasciicircum{}b \\textbackslash{}");
    }

    @Test
    void risRecord() {
        assertThat(Ris.of(WITH_DOI)).isEqualTo("TY  - DATA\r\nAU  - Lovelace, Ada\r\nAU  - Diamond Light Source\r\n"
                + "TI  - Powder diffraction of LaB6\r\nPY  - 2024\r\nPB  - Diamond Light Source\r\n"
                + "DO  - 10.80826/abcd-efgh-jkmn\r\nUR  - https://doi.org/10.80826/abcd-efgh-jkmn\r\nER  - \r\n");
    }

    @Test
    void withoutDoiTheLandingPageIsCited() {
        CSLItemData item = CslItems.of(metadata(new Identifier("https://data.example.org/datasets/x", "URL")),
                "https://data.example.org/datasets/x");
        assertThat(item.getDOI()).isNull();
        assertThat(Ris.of(item)).contains("UR  - https://data.example.org/datasets/x\r\n").doesNotContain("DO  -");
    }

    @Test
    void unknownStylesAndLocalesAreRefusedByName() {
        assertThatThrownBy(() -> CitationStyle.of("no-such-style", null))
                .isInstanceOfSatisfying(CitationStyle.UnknownStyleException.class,
                        e -> assertThat(e.parameter()).isEqualTo("style"));
        assertThatThrownBy(() -> CitationStyle.of("../../etc/passwd", null))
                .isInstanceOf(CitationStyle.UnknownStyleException.class);
        assertThatThrownBy(() -> CitationStyle.of("apa", "xx-XX"))
                .isInstanceOfSatisfying(CitationStyle.UnknownStyleException.class,
                        e -> assertThat(e.parameter()).isEqualTo("locale"));
    }
}
