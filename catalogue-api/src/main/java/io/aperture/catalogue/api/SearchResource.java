package io.aperture.catalogue.api;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.search.DatasetSearch;
import io.aperture.catalogue.search.SearchRequestParser;
import io.aperture.catalogue.search.SearchResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The catalogue's own search, as JSON: the same service the portal pages call. Anonymous callers see released data;
 * a bearer token sees what its holder may see.
 */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
    private final DatasetSearch search;
    private final AccessControl access;

    SearchResource(DatasetSearch search, AccessControl access) {
        this.search = search;
        this.access = access;
    }

    @GET
    @Operation(summary = "Search datasets", description = "q (simple query string), facet filters (technique, instrument, year, "
            + "access, licence, sample, kind, definition), param=name:min:max[:unit] (name: a full NeXus path, a short name such as "
            + "wavelength, or trailing segments such as 'sample temperature'), sort, size, after (cursor), facets=false (no facet "
            + "counts: much cheaper on broad queries, for paging through results).")
    public SearchResult search(@Context UriInfo uri) {
        return search.search(SearchRequestParser.parse(uri.getQueryParameters()), access.searchScope());
    }
}
