package io.aperture.portal;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.datacite.CollectionMapper;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteXml;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.DoiCollection;
import io.aperture.policy.doi.CollectionDoi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The landing page of a visit's or proposal's collection DOI, at {@code /doi/{prefix}/{suffix}} (its only address):
 * the collection's title, DOI, publisher and creators and the datasets it lists — exactly those its DataCite record
 * names as parts (the public's, {@link CollectionMapper#listed}). As HTML or DataCite XML. A hidden collection (no
 * dataset of it released any more) answers 410 with its title and DOI only; one that does not resolve is not
 * answered here (the caller's 404 of an unknown DOI).
 */
@ApplicationScoped
public class CollectionPage {
    private static final String GONE = "This collection no longer has published datasets; its DOI is kept.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance collection(String title, String doi, String publisher, List<String> creators,
                                                  List<Dataset> parts, String user);

        static native TemplateInstance hidden(String title, String doi, String user);
    }

    private final AccessControl access;
    private final CollectionMapper mapper;
    private final PublicUrls urls;
    private final SecurityIdentity identity;

    CollectionPage(AccessControl access, CollectionMapper mapper, PublicUrls urls, SecurityIdentity identity) {
        this.access = access;
        this.mapper = mapper;
        this.urls = urls;
        this.identity = identity;
    }

    /** The answer for collection {@code c}; empty when its DOI does not resolve. */
    Optional<Response> respond(DoiCollection c, String format, HttpHeaders headers, UriInfo uri) {
        Optional<Representation> r = format != null ? Representation.byFormat(format)
                : Representation.choose(headers.getAcceptableMediaTypes()).map(Representation.Choice::representation);
        if (format != null && r.isEmpty()) {
            return Optional.of(vary(ApiError.of(400, "format must be one of html, datacite-xml").withField("format").response()));
        }
        if (r.isEmpty() || (r.get() != Representation.HTML && r.get() != Representation.DATACITE_XML)) {
            return Optional.of(vary(ApiError.of(406, "This collection is available as " + Representation.HTML.mediaType()
                    + ", " + Representation.DATACITE_XML.mediaType()).withCode("NOT_ACCEPTABLE").response()));
        }
        if (!c.doiState.resolves()) {
            return Optional.empty();
        }
        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        String title = CollectionMapper.title(c);
        if (!CollectionDoi.named(c.doiState)) {
            return Optional.of(vary(r.get() == Representation.HTML
                    ? Response.status(410).entity(Templates.hidden(title, c.doi, user)).type(MediaType.TEXT_HTML)
                            .header("Link", citeAs(c)).build()
                    : ApiError.of(410, GONE).withCode("GONE").response()));
        }
        URI base = urls.base(uri.getBaseUri());
        List<Dataset> parts = CollectionMapper.listed(c, access);
        DataCiteMetadata m = mapper.map(c, parts, base);
        if (r.get() == Representation.DATACITE_XML) {
            return Optional.of(vary(Response.ok(DataCiteXml.document(m), Representation.DATACITE_XML.mediaType() + ";charset=UTF-8")
                    .header("Link", "<" + PublicUrls.doi(base, c.doi) + ">; rel=\"describes\"; type=\"text/html\"").build()));
        }
        List<String> creators = m.creators().stream().map(DataCiteMetadata.Name::name).toList();
        return Optional.of(vary(Response.ok(Templates.collection(title, c.doi, m.publisher().name(), creators, parts, user))
                .type(MediaType.TEXT_HTML).header("Link", citeAs(c)).build()));
    }

    private static String citeAs(DoiCollection c) {
        return "<https://doi.org/" + c.doi + ">; rel=\"cite-as\"";
    }

    /** Caches must key every answer of this address on Accept. */
    private static Response vary(Response r) {
        return Response.fromResponse(r).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
}
