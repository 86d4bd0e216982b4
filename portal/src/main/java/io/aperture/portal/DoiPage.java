package io.aperture.portal;

import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.model.Dataset;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Locale;

/**
 * {@code /doi/{prefix}/{suffix}}: the landing page of the dataset with that DOI, in every form {@link DatasetPage}
 * offers and under the same access decision. DOIs are case-insensitive.
 */
@Path("/doi/{prefix}/{suffix}")
public class DoiPage {
    private final DatasetPage pages;

    DoiPage(DatasetPage pages) {
        this.pages = pages;
    }

    @GET
    @Transactional
    public Response page(@PathParam("prefix") String prefix, @PathParam("suffix") String suffix,
                         @QueryParam("format") String format, @QueryParam("style") String style,
                         @QueryParam("locale") String locale, @Context HttpHeaders headers, @Context UriInfo uri) {
        String doi = (prefix + "/" + suffix).toLowerCase(Locale.ROOT);
        return pages.respond(() -> InputText.possibleIdentifier(doi)
                        ? Dataset.<Dataset>find("lower(doi) = ?1", doi).firstResult() : null,
                format, style, locale, headers, uri);
    }
}
