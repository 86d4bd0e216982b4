package io.aperture.catalogue.publication;

import io.aperture.record.Citation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationsTest {
    @Test
    void oneBareDoiPerPublicationWhateverTheSpellingAndNoneForAUrlOnlyCitation() {
        List<Citation> citations = List.of(
                new Citation("https://doi.org/10.5555/abc", null, null, "as a URL"),
                new Citation("doi:10.5555/abc", null, null, "as a name"),
                new Citation(" 10.1107/S1600577519000001 ", null, null, null),
                new Citation(null, "https://example.org/paper", null, "no DOI"),
                new Citation("not a doi", null, null, null));
        assertThat(Publications.dois(citations)).containsExactly("10.5555/abc", "10.1107/S1600577519000001");
    }

    @Test
    void noCitationsNoPublications() {
        assertThat(Publications.dois(List.of())).isEmpty();
    }
}
