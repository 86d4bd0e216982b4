package io.aperture.portal;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.datacite.CollectionMapper;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.DoiCollection;
import io.aperture.policy.doi.CollectionDoi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The landing page of a visit's or proposal's collection DOI, at {@code /doi/{prefix}/{suffix}} (its only address),
 * in every form a dataset's landing page has ({@link Representation}, chosen as {@link DatasetPage} chooses them) and
 * from its DataCite record: the HTML page (title, DOI, publisher, creators, the reference to cite, the related
 * publications and the datasets it lists), schema.org JSON-LD (a {@code Dataset} with {@code hasPart}), DataCite XML
 * and JSON, CSL-JSON, BibTeX, RIS, formatted citations and the FAIR signposting linksets ({@code item}: the listed
 * datasets' landing pages). Every form lists exactly the datasets its DataCite record names as parts, the ones the
 * public may read in full ({@link CollectionMapper#listed}, asked of the policy through {@link AccessControl}). A
 * hidden collection (no dataset of it released any more) answers 410 with its title and DOI only; one that does not
 * resolve is not answered here (the caller's 404 of an unknown DOI).
 */
@ApplicationScoped
public class CollectionPage {
    private static final String GONE = "This collection no longer has published datasets; its DOI is kept.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance collection(String title, String doi, String publisher, LandingCitation cite,
                                                  String jsonLd, List<Dataset> parts, String user);

        static native TemplateInstance hidden(String title, String doi, String user);
    }

    private final AccessControl access;
    private final CollectionMapper mapper;
    private final DatasetExports exports;
    private final DatasetJsonLd jsonLd;
    private final PublicUrls urls;
    private final SecurityIdentity identity;

    CollectionPage(AccessControl access, CollectionMapper mapper, DatasetExports exports, DatasetJsonLd jsonLd,
                   PublicUrls urls, SecurityIdentity identity) {
        this.access = access;
        this.mapper = mapper;
        this.exports = exports;
        this.jsonLd = jsonLd;
        this.urls = urls;
        this.identity = identity;
    }

    /** The answer for collection {@code c} in the form {@code asked}; empty when its DOI does not resolve. */
    Optional<Response> respond(DoiCollection c, Negotiation.Chosen asked, UriInfo uri) {
        if (!c.doiState.resolves()) {
            return Optional.empty();
        }
        Representation r = asked.representation();
        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        String title = CollectionMapper.title(c);
        String citeAs = "https://doi.org/" + c.doi;
        if (!CollectionDoi.named(c.doiState)) {
            return Optional.of(Negotiation.vary(r == Representation.HTML
                    ? Response.status(410).entity(Templates.hidden(title, c.doi, user)).type(MediaType.TEXT_HTML)
                            .header("Link", new Signposts.Link(citeAs, "cite-as", null).header()).build()
                    : ApiError.of(410, GONE).withCode("GONE").response()));
        }
        URI base = urls.base(uri.getBaseUri());
        String landingPage = PublicUrls.doi(base, c.doi);
        List<Dataset> parts = CollectionMapper.listed(c, access);
        DataCiteMetadata m = mapper.map(c, parts, base);
        // a findable collection lists released datasets only: its release licence is in force
        Signposts signposts = Signposts.of(citeAs, landingPage, Signposts.authors(m), URI.create(m.rights().uri()),
                parts.stream().map(d -> PublicUrls.dataset(base, d.pid)).toList(), MediaType.TEXT_HTML);
        Supplier<String> ld = () -> jsonLd.collection(m, landingPage, base.toString(), parts.stream()
                .map(d -> new DatasetJsonLd.Part(d.doi != null ? "https://doi.org/" + d.doi : PublicUrls.dataset(base, d.pid),
                        d.title, PublicUrls.dataset(base, d.pid))).toList());
        if (r != Representation.HTML) {
            return Optional.of(exports.answer(r, asked.style(), m, landingPage, () -> signposts, ld));
        }
        Response.ResponseBuilder page = Response.ok(Templates.collection(title, c.doi, m.publisher().name(),
                // its parts have a list of their own, with their titles
                exports.landing(m, landingPage).without("HasPart"), ld.get(), parts, user)).type(MediaType.TEXT_HTML);
        signposts.headers().forEach(link -> page.header("Link", link));
        return Optional.of(Negotiation.vary(page.build()));
    }
}
