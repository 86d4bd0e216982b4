package io.aperture.portal;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.archive.PublicHoldings;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.search.DatasetSearch;
import io.aperture.catalogue.search.InvalidSearchException;
import io.aperture.units.UnitOutOfRangeException;
import io.aperture.catalogue.search.SearchRequestParser;
import io.aperture.catalogue.search.SearchResult;
import io.aperture.catalogue.search.SearchUnavailableException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The portal's search page: the home page is a search over everything the visitor may see. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchPage page, String catalogueJsonLd, CatalogueSummary summary,
                                              Set<String> thumbnails);
    }

    private final DatasetSearch search;
    private final AccessControl access;
    private final SecurityIdentity identity;

    private final CatalogueJsonLd catalogue;
    private final PublicUrls urls;
    private final ResultThumbnails thumbnails;
    private final PublicHoldings holdings;

    HomePage(DatasetSearch search, AccessControl access, SecurityIdentity identity, CatalogueJsonLd catalogue, PublicUrls urls,
             ResultThumbnails thumbnails, PublicHoldings holdings) {
        this.holdings = holdings;
        this.thumbnails = thumbnails;
        this.catalogue = catalogue;
        this.urls = urls;
        this.search = search;
        this.access = access;
        this.identity = identity;
    }

    @GET
    public RestResponse<TemplateInstance> home(@Context UriInfo uri) {
        Map<String, List<String>> query = uri.getQueryParameters();
        if (query.containsKey(ParameterForm.NAME)) {
            // the parameter form's fields become one param=name:min:max:unit, and the page its canonical URL
            return RestResponse.seeOther(URI.create(SearchPage.link(ParameterForm.fold(query))));
        }
        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        String ld = catalogue.of(urls.base(uri.getBaseUri()).toString());
        try {
            SearchResult result = search.search(SearchRequestParser.parse(query), access.searchScope());
            return RestResponse.ok(Templates.search(new SearchPage(query, result, null, user), ld, summary(query),
                    thumbnails.of(result)));
        } catch (InvalidSearchException | UnitOutOfRangeException e) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST, Templates.search(new SearchPage(query, null, e.getMessage(), user), ld, null, Set.of()));
        } catch (SearchUnavailableException e) {
            return RestResponse.ResponseBuilder.create(RestResponse.Status.SERVICE_UNAVAILABLE,
                            Templates.search(new SearchPage(query, null, e.getMessage(), user), ld, null, Set.of()))
                    .header("Retry-After", SearchUnavailableException.RETRY_AFTER_SECONDS).build();
        }
    }

    /**
     * On the bare home page only (no search asked for): one more engine query, over public data whoever calls, and two
     * database queries for the public data volume and the latest releases (the index has no release date).
     */
    private CatalogueSummary summary(Map<String, List<String>> query) {
        if (!query.isEmpty()) {
            return null;
        }
        SearchResult publicOnly = search.search(SearchRequestParser.parse(
                Map.of("size", List.of(String.valueOf(CatalogueSummary.SHOWN)))), access.publicScope());
        List<CatalogueSummary.Release> releases = holdings.recentReleases(CatalogueSummary.SHOWN).stream()
                .map(d -> new CatalogueSummary.Release(d.pid, d.title, d.releasedAt)).toList();
        return CatalogueSummary.of(publicOnly, holdings.bytes(), releases);
    }
}
