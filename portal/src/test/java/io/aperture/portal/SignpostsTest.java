package io.aperture.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignpostsTest {
    private static final String PAGE = "https://data.example.org/datasets/DLS-1";
    private static final String FILE = "https://files.example.org/dls/x.nxs";

    private static Signposts released() {
        return Signposts.of("https://doi.org/10.80826/abcd", PAGE, List.of("https://orcid.org/0000-0001-5109-3700"),
                URI.create("https://creativecommons.org/licenses/by/4.0/"), List.of(FILE));
    }

    @Test
    void levelOneAndTwoLinksOfAReleasedDataset() {
        assertThat(released().headers()).containsExactly(
                "<https://doi.org/10.80826/abcd>; rel=\"cite-as\"",
                "<https://data.example.org/datasets/DLS-1?format=datacite-xml>; rel=\"describedby\"; type=\"application/vnd.datacite.datacite+xml\"",
                "<https://data.example.org/datasets/DLS-1?format=jsonld>; rel=\"describedby\"; type=\"application/ld+json\"",
                "<https://data.example.org/datasets/DLS-1?format=datacite-json>; rel=\"describedby\"; type=\"application/vnd.datacite.datacite+json\"",
                "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"",
                "<https://orcid.org/0000-0001-5109-3700>; rel=\"author\"",
                "<https://schema.org/AboutPage>; rel=\"type\"",
                "<https://schema.org/Dataset>; rel=\"type\"",
                "<https://files.example.org/dls/x.nxs>; rel=\"item\"; type=\"application/x-hdf5\"",
                "<https://data.example.org/datasets/DLS-1?format=linkset>; rel=\"linkset\"; type=\"application/linkset\"",
                "<https://data.example.org/datasets/DLS-1?format=linkset-json>; rel=\"linkset\"; type=\"application/linkset+json\"");
    }

    @Test
    void noLicenceItemOrAuthorLinkWhileThereIsNone() {
        assertThat(Signposts.of("https://doi.org/10.80826/abcd", PAGE, List.of(), null, List.of()).headers())
                .noneMatch(l -> l.contains("rel=\"license\"") || l.contains("rel=\"author\"") || l.contains("rel=\"item\""))
                .hasSize(8);
    }

    @Test
    void theLinksetInRfc9264Text() {
        assertThat(released().linkset().split(",\n")).containsExactly(
                "<https://doi.org/10.80826/abcd>; rel=\"cite-as\"; anchor=\"" + PAGE + "\"",
                "<" + PAGE + "?format=datacite-xml>; rel=\"describedby\"; type=\"application/vnd.datacite.datacite+xml\"; anchor=\"" + PAGE + "\"",
                "<" + PAGE + "?format=jsonld>; rel=\"describedby\"; type=\"application/ld+json\"; anchor=\"" + PAGE + "\"",
                "<" + PAGE + "?format=datacite-json>; rel=\"describedby\"; type=\"application/vnd.datacite.datacite+json\"; anchor=\"" + PAGE + "\"",
                "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"; anchor=\"" + PAGE + "\"",
                "<https://orcid.org/0000-0001-5109-3700>; rel=\"author\"; anchor=\"" + PAGE + "\"",
                "<https://schema.org/AboutPage>; rel=\"type\"; anchor=\"" + PAGE + "\"",
                "<https://schema.org/Dataset>; rel=\"type\"; anchor=\"" + PAGE + "\"",
                "<" + FILE + ">; rel=\"item\"; type=\"application/x-hdf5\"; anchor=\"" + PAGE + "\"",
                "<" + PAGE + ">; rel=\"describes\"; type=\"text/html\"; anchor=\"" + PAGE + "?format=datacite-xml\"",
                "<" + PAGE + ">; rel=\"describes\"; type=\"text/html\"; anchor=\"" + PAGE + "?format=jsonld\"",
                "<" + PAGE + ">; rel=\"describes\"; type=\"text/html\"; anchor=\"" + PAGE + "?format=datacite-json\"",
                "<" + PAGE + ">; rel=\"collection\"; type=\"text/html\"; anchor=\"" + FILE + "\"\n");
    }

    @Test
    void theLinksetInRfc9264Json() {
        JsonNode json = new ObjectMapper().valueToTree(released().linksetJson());
        JsonNode page = json.path("linkset").get(0);
        assertThat(page.path("anchor").asText()).isEqualTo(PAGE);
        assertThat(page.path("cite-as").toString()).isEqualTo("[{\"href\":\"https://doi.org/10.80826/abcd\"}]");
        assertThat(page.path("describedby")).hasSize(3);
        assertThat(page.path("describedby").get(1).toString()).isEqualTo("{\"href\":\"" + PAGE + "?format=jsonld\",\"type\":\"application/ld+json\"}");
        assertThat(page.path("type").findValuesAsText("href")).containsExactly("https://schema.org/AboutPage", "https://schema.org/Dataset");
        assertThat(page.path("item").toString()).isEqualTo("[{\"href\":\"" + FILE + "\",\"type\":\"application/x-hdf5\"}]");
        assertThat(json.path("linkset")).hasSize(5);
        assertThat(json.path("linkset").get(4).toString()).isEqualTo("{\"anchor\":\"" + FILE + "\",\"collection\":[{\"href\":\""
                + PAGE + "\",\"type\":\"text/html\"}]}");
    }

    @Test
    void aCollectionsItemsAreItsDatasetsLandingPages() {
        String member = "https://data.example.org/datasets/DLS-2";
        Signposts collection = Signposts.of("https://doi.org/10.80826/coll", "https://data.example.org/doi/10.80826/coll",
                List.of(), URI.create("https://creativecommons.org/licenses/by/4.0/"), List.of(member), "text/html");
        assertThat(collection.headers()).contains("<" + member + ">; rel=\"item\"; type=\"text/html\"")
                .noneMatch(l -> l.contains("application/x-hdf5"));
        assertThat(collection.linkset()).contains("<https://data.example.org/doi/10.80826/coll>; rel=\"collection\"; "
                + "type=\"text/html\"; anchor=\"" + member + "\"");
    }
}
