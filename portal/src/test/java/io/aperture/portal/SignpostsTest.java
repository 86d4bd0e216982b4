package io.aperture.portal;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignpostsTest {

    @Test
    void levelOneLinksOfAReleasedDataset() {
        assertThat(Signposts.links("https://doi.org/10.80826/abcd", "https://data.example.org/datasets/DLS-1",
                List.of("https://orcid.org/0000-0001-5109-3700"), URI.create("https://creativecommons.org/licenses/by/4.0/")))
                .containsExactly(
                        "<https://doi.org/10.80826/abcd>; rel=\"cite-as\"",
                        "<https://data.example.org/datasets/DLS-1?format=datacite-xml>; rel=\"describedby\"; type=\"application/vnd.datacite.datacite+xml\"",
                        "<https://data.example.org/datasets/DLS-1?format=jsonld>; rel=\"describedby\"; type=\"application/ld+json\"",
                        "<https://data.example.org/datasets/DLS-1?format=datacite-json>; rel=\"describedby\"; type=\"application/vnd.datacite.datacite+json\"",
                        "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"",
                        "<https://orcid.org/0000-0001-5109-3700>; rel=\"author\"",
                        "<https://schema.org/AboutPage>; rel=\"type\"",
                        "<https://schema.org/Dataset>; rel=\"type\"");
    }

    @Test
    void noLicenceLinkWhileNoneIsInForceAndNoAuthorsWithoutOrcid() {
        assertThat(Signposts.links("https://doi.org/10.80826/abcd", "https://data.example.org/datasets/DLS-1", List.of(), null))
                .noneMatch(l -> l.contains("rel=\"license\"") || l.contains("rel=\"author\""))
                .hasSize(6);
    }
}
