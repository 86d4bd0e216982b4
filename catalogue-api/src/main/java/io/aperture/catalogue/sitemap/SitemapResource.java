package io.aperture.catalogue.sitemap;

import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.oaipmh.PublicRecords;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * {@code /sitemap.xml} (the index), {@code /sitemap-{n}.xml} (its pages) and {@code /robots.txt}. The pages list the
 * landing pages of the records the public may find — the same public records OAI-PMH serves, so nothing embargoed,
 * withdrawn or hidden — under {@code aperture.public-url}.
 */
@Path("/")
public class SitemapResource {
    private static final String XML = "application/xml;charset=UTF-8";
    private final PublicRecords records;
    private final PublicUrls urls;

    SitemapResource(PublicRecords records, PublicUrls urls) {
        this.records = records;
        this.urls = urls;
    }

    @GET
    @Path("sitemap.xml")
    @Produces(XML)
    @Transactional
    public String index(@Context UriInfo uri) {
        return SitemapXml.index(base(uri), SitemapXml.pages(records.countAll(), SitemapXml.MAX_URLS));
    }

    @GET
    @Path("sitemap-{page}.xml")
    @Produces(XML)
    @Transactional
    public Response page(@PathParam("page") String page, @Context UriInfo uri) {
        int pages = SitemapXml.pages(records.countAll(), SitemapXml.MAX_URLS);
        int n = page.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(page) : 0;
        if (n < 1 || n > pages) {
            return ApiError.of(404, "no sitemap page '" + page + "': the index /sitemap.xml lists pages 1 to " + pages)
                    .response();
        }
        URI base = base(uri);
        return Response.ok(SitemapXml.urlset(records.inIdOrder((n - 1) * SitemapXml.MAX_URLS, SitemapXml.MAX_URLS).stream()
                .map(r -> new SitemapXml.Entry(PublicUrls.dataset(base, r.dataset().pid), r.datestamp())).toList()), XML).build();
    }

    @GET
    @Path("robots.txt")
    @Produces(MediaType.TEXT_PLAIN)
    public String robots(@Context UriInfo uri) {
        return SitemapXml.robots(base(uri));
    }

    private URI base(UriInfo uri) {
        return urls.base(uri.getBaseUri());
    }
}
