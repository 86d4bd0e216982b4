package io.aperture.catalogue.sitemap;

import io.aperture.catalogue.datacite.XmlOut;
import io.aperture.catalogue.links.PublicUrls;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The sitemaps protocol (sitemaps.org, 0.9): a sitemap index naming numbered pages, each a {@code urlset} of at most
 * {@value #MAX_URLS} landing pages, and the {@code robots.txt} that points crawlers at the index. Pages sit at the
 * site's root ({@code /sitemap-1.xml}): a sitemap may only list addresses under its own folder.
 */
public final class SitemapXml {
    public static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** The protocol's limit of addresses in one sitemap. */
    public static final int MAX_URLS = 50_000;

    private SitemapXml() {
    }

    /** One listed page and when it last changed. */
    public record Entry(String loc, Instant lastModified) {}

    /** How many pages {@code count} addresses take; at least one, since an index must name a sitemap. */
    public static int pages(long count, int pageSize) {
        return (int) Math.max(1, (count + pageSize - 1) / pageSize);
    }

    public static String index(URI base, int pages) {
        XmlOut out = XmlOut.document();
        out.open("", "sitemapindex", NS).declare("", NS);
        for (int i = 1; i <= pages; i++) {
            out.open("", "sitemap", NS).leaf("", "loc", NS, PublicUrls.sitemapPage(base, i)).close();
        }
        return out.close().finish();
    }

    public static String urlset(List<Entry> entries) {
        XmlOut out = XmlOut.document();
        out.open("", "urlset", NS).declare("", NS);
        for (Entry e : entries) {
            out.open("", "url", NS).leaf("", "loc", NS, e.loc());
            if (e.lastModified() != null) {
                out.leaf("", "lastmod", NS, e.lastModified().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            out.close();
        }
        return out.close().finish();
    }

    /**
     * Crawlers may read the landing pages and the home page; not the APIs, OAI-PMH (for harvesters), sign-in and
     * personal pages, health and metrics, nor any address with a query (search results and the {@code ?format=}
     * forms: every landing page embeds its JSON-LD).
     */
    public static String robots(URI base) {
        return String.join("\n", List.of("User-agent: *",
                "Disallow: /api/", "Disallow: /oai", "Disallow: /login", "Disallow: /my/", "Disallow: /staff",
                "Disallow: /q/", "Disallow: /*?",
                "", "Sitemap: " + PublicUrls.sitemap(base), ""));
    }
}
