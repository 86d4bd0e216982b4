package io.aperture.catalogue.sitemap;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SitemapXmlTest {
    private static final URI BASE = URI.create("https://data.example.org/");

    @Test
    void pagesHoldAtMostFiftyThousandAddressesAndThereIsAlwaysOne() {
        assertThat(SitemapXml.pages(0, SitemapXml.MAX_URLS)).isEqualTo(1);
        assertThat(SitemapXml.pages(1, SitemapXml.MAX_URLS)).isEqualTo(1);
        assertThat(SitemapXml.pages(50_000, SitemapXml.MAX_URLS)).isEqualTo(1);
        assertThat(SitemapXml.pages(50_001, SitemapXml.MAX_URLS)).isEqualTo(2);
        assertThat(SitemapXml.pages(7, 3)).isEqualTo(3);
        assertThat(SitemapXml.MAX_URLS).isEqualTo(50_000);
    }

    @Test
    void theIndexNamesEveryPageAtTheSiteRoot() throws Exception {
        Document doc = parse(SitemapXml.index(BASE, 3));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(SitemapXml.NS);
        assertThat(texts(doc, "loc")).containsExactly("https://data.example.org/sitemap-1.xml",
                "https://data.example.org/sitemap-2.xml", "https://data.example.org/sitemap-3.xml");
    }

    @Test
    void aPageListsLandingPagesWithTheirLastChangeEscaped() throws Exception {
        Document doc = parse(SitemapXml.urlset(List.of(
                new SitemapXml.Entry("https://data.example.org/datasets/DLS-1?a=1&b=2", Instant.parse("2024-05-01T10:11:12.345Z")),
                new SitemapXml.Entry("https://data.example.org/datasets/DLS-2", null))));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(texts(doc, "loc")).containsExactly("https://data.example.org/datasets/DLS-1?a=1&b=2",
                "https://data.example.org/datasets/DLS-2");
        assertThat(texts(doc, "lastmod")).containsExactly("2024-05-01T10:11:12Z");
    }

    @Test
    void robotsPointsAtTheIndexAndKeepsCrawlersOffApisAndPersonalPages() {
        String robots = SitemapXml.robots(BASE);
        assertThat(robots.lines()).contains("User-agent: *", "Disallow: /api/", "Disallow: /my/", "Disallow: /staff",
                "Disallow: /oai", "Disallow: /*?", "Sitemap: https://data.example.org/sitemap.xml");
        // nothing allows back what a Disallow keeps out (for Google the longest match wins: an Allow of /datasets/
        // would open the ?format= forms again); the landing pages and the home page themselves are not disallowed
        assertThat(robots.lines()).noneMatch(l -> l.startsWith("Allow:"))
                .doesNotContain("Disallow: /", "Disallow: /datasets/", "Disallow: /doi/");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> texts(Document doc, String local) {
        NodeList nodes = doc.getElementsByTagNameNS(SitemapXml.NS, local);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
