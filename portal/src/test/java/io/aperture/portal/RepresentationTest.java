package io.aperture.portal;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RepresentationTest {

    private static Optional<Representation.Choice> choose(MediaType... acceptable) {
        return Representation.choose(List.of(acceptable));
    }

    @Test
    void noAcceptOrAnyWildcardMeansThePage() {
        assertThat(Representation.choose(List.of())).contains(new Representation.Choice(Representation.HTML, null, null));
        assertThat(choose(MediaType.WILDCARD_TYPE).orElseThrow().representation()).isEqualTo(Representation.HTML);
        assertThat(choose(new MediaType("text", "*")).orElseThrow().representation()).isEqualTo(Representation.HTML);
    }

    @Test
    void theFirstSupportedTypeWinsWithItsStyleAndLocale() {
        assertThat(choose(new MediaType("application", "pdf"),
                new MediaType("text", "x-bibliography", Map.of("style", "ieee", "locale", "de-DE"))))
                .contains(new Representation.Choice(Representation.CITATION, "ieee", "de-DE"));
        assertThat(choose(MediaType.valueOf("application/vnd.datacite.datacite+xml")).orElseThrow().representation())
                .isEqualTo(Representation.DATACITE_XML);
    }

    @Test
    void aRefusedTypeIsSkippedAndNothingSupportedIsEmpty() {
        assertThat(choose(new MediaType("application", "x-bibtex", Map.of("q", "0")), new MediaType("application", "x-research-info-systems")))
                .contains(new Representation.Choice(Representation.RIS, null, null));
        assertThat(choose(new MediaType("application", "pdf"), new MediaType("application", "*"))).isEmpty();
    }

    @Test
    void formatsByName() {
        assertThat(Representation.byFormat("BibTeX")).contains(Representation.BIBTEX);
        assertThat(Representation.byFormat("pdf")).isEmpty();
        assertThat(Representation.mediaTypes()).startsWith("text/html, application/ld+json, ");
    }
}
