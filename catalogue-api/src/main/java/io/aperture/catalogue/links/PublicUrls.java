package io.aperture.catalogue.links;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The one place that builds the public addresses of the portal's pages, for everything that leaves the server with a
 * link in it: e-mails, DataCite and OAI-PMH records, PaNOSC answers. {@code aperture.public-url} is the address
 * people and harvesters reach the portal at (behind a proxy, not the server's own); without it, the address of the
 * request being answered.
 */
@ApplicationScoped
public class PublicUrls {
    private final Optional<URI> configured;

    public PublicUrls(@ConfigProperty(name = "aperture.public-url") Optional<URI> configured) {
        this.configured = configured.map(PublicUrls::withSlash);
    }

    /** The portal's base address, ending with '/': the configured one, else {@code requestBase}. */
    public URI base(URI requestBase) {
        return configured.orElseGet(() -> withSlash(requestBase));
    }

    /** The configured base, for messages sent outside any request (e-mails). */
    public URI base() {
        return configured.orElseThrow(() -> new IllegalStateException("aperture.public-url is not set"));
    }

    /** A dataset's landing page. */
    public static String dataset(URI base, String pid) {
        return base + "datasets/" + pid;
    }

    /** The landing page at a DOI's own address (a collection's: it has no other). */
    public static String doi(URI base, String doi) {
        return base + "doi/" + doi;
    }

    /** The page where PIs and alternate contacts see their proposals' embargoes and act on them. */
    public static String myProposals(URI base) {
        return base + "my/proposals";
    }

    /** The sitemap index. */
    public static String sitemap(URI base) {
        return base + "sitemap.xml";
    }

    /** Page {@code number} (from 1) of the sitemap: at the site's root, since a sitemap lists only addresses below it. */
    public static String sitemapPage(URI base, int number) {
        return base + "sitemap-" + number + ".xml";
    }

    /** The OAI-PMH base URL. */
    public static String oai(URI base) {
        return base + "oai";
    }

    private static URI withSlash(URI u) {
        String s = u.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }
}
