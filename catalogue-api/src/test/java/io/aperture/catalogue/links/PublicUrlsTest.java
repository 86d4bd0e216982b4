package io.aperture.catalogue.links;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicUrlsTest {

    @Test
    void theConfiguredAddressWinsOverTheRequestsAndEndsWithASlash() {
        PublicUrls urls = new PublicUrls(Optional.of(URI.create("https://data.example.org/catalogue")));
        URI base = urls.base(URI.create("http://10.0.0.5:8080/"));
        assertThat(base).hasToString("https://data.example.org/catalogue/");
        assertThat(PublicUrls.dataset(base, "DLS/ds-1")).isEqualTo("https://data.example.org/catalogue/datasets/DLS/ds-1");
        assertThat(PublicUrls.myProposals(base)).isEqualTo("https://data.example.org/catalogue/my/proposals");
        assertThat(PublicUrls.oai(base)).isEqualTo("https://data.example.org/catalogue/oai");
        assertThat(PublicUrls.sitemap(base)).isEqualTo("https://data.example.org/catalogue/sitemap.xml");
        assertThat(PublicUrls.sitemapPage(base, 2)).isEqualTo("https://data.example.org/catalogue/sitemap-2.xml");
    }

    @Test
    void withoutAConfiguredAddressTheRequestsIsUsedAndMailCannotBeAddressed() {
        PublicUrls urls = new PublicUrls(Optional.empty());
        assertThat(urls.base(URI.create("http://127.0.0.1:8081"))).hasToString("http://127.0.0.1:8081/");
        assertThatThrownBy(urls::base).hasMessageContaining("aperture.public-url");
    }
}
