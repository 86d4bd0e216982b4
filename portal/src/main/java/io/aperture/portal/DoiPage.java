package io.aperture.portal;

import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.DoiCollection;
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
import java.util.Optional;

/**
 * {@code /doi/{prefix}/{suffix}}: the landing page of the dataset with that DOI, in every form {@link DatasetPage}
 * offers and under the same access decision, or of the visit's or proposal's collection with that DOI
 * ({@link CollectionPage}, in the same forms). DOIs are case-insensitive. A request no form can answer is refused
 * (400/406) by the dataset page's negotiation, which is the collection's too.
 */
@Path("/doi/{prefix}/{suffix}")
public class DoiPage {
    private final DatasetPage pages;
    private final CollectionPage collections;

    DoiPage(DatasetPage pages, CollectionPage collections) {
        this.pages = pages;
        this.collections = collections;
    }

    @GET
    @Transactional
    public Response page(@PathParam("prefix") String prefix, @PathParam("suffix") String suffix,
                         @QueryParam("format") String format, @QueryParam("style") String style,
                         @QueryParam("locale") String locale, @Context HttpHeaders headers, @Context UriInfo uri) {
        String doi = (prefix + "/" + suffix).toLowerCase(Locale.ROOT);
        // a visit's or proposal's collection DOI has its page here only; one that does not resolve is unknown
        DoiCollection collection = InputText.possibleIdentifier(doi)
                ? DoiCollection.<DoiCollection>find("lower(doi) = ?1", doi).firstResult() : null;
        if (collection != null && Negotiation.of(format, style, locale, headers, "collection") instanceof Negotiation.Chosen asked) {
            Optional<Response> answer = collections.respond(collection, asked, uri);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return pages.respond(() -> InputText.possibleIdentifier(doi)
                        ? Dataset.byDoi(doi) : null,
                format, style, locale, headers, uri);
    }
}
