package io.aperture.portal;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.quality.DatasetQuality;
import io.aperture.catalogue.quality.QualityLookup;
import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.links.FileUrls;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.preview.PreviewStore;
import io.aperture.policy.access.AccessDecision;
import io.aperture.policy.access.ExportDetail;
import io.aperture.policy.access.Visibility;
import io.aperture.policy.embargo.EmbargoRules;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Dataset landing pages, in every form a client may ask for ({@link Representation}). What any form shows is the
 * policy's decision: nothing (a 404 identical to an unknown identifier, per form), the minimal DOI landing page,
 * metadata, or metadata and files. Staff reads of embargoed data are audited.
 */
@Path("/datasets/{pid}")
public class DatasetPage {
    private static final String NOT_FOUND = "No dataset with this identifier.";
    private static final String GONE = "This dataset has been withdrawn; its DOI is kept, its data and metadata are no longer published.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dataset(DatasetView d, LandingCitation cite, String jsonLd,
                                               Map<String, String> downloads, String user, DatasetQuality quality,
                                               boolean preview);

        static native TemplateInstance notFound(String user);

        static native TemplateInstance withdrawn(String title, String doi, String publisher, String user);
    }

    private final AccessControl access;
    private final EmbargoRules rules;
    private final SecurityIdentity identity;
    private final DatasetJsonLd jsonLd;
    private final DatasetExports exports;
    private final PublicUrls urls;
    private final FileUrls fileUrls;
    private final QualityLookup quality;
    private final PreviewStore previews;

    DatasetPage(AccessControl access, EmbargoRules rules, SecurityIdentity identity, DatasetJsonLd jsonLd,
                DatasetExports exports, PublicUrls urls, FileUrls fileUrls, QualityLookup quality, PreviewStore previews) {
        this.previews = previews;
        this.fileUrls = fileUrls;
        this.access = access;
        this.rules = rules;
        this.identity = identity;
        this.jsonLd = jsonLd;
        this.exports = exports;
        this.urls = urls;
        this.quality = quality;
    }

    @GET
    @Transactional
    public Response page(@PathParam("pid") String pid, @QueryParam("format") String format,
                         @QueryParam("style") String style, @QueryParam("locale") String locale,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        return respond(() -> access.lookUp(pid),
                format, style, locale, headers, uri);
    }

    /**
     * Answers for the dataset {@code lookup} finds (null: none). The form is chosen, and a style checked, before the
     * dataset is looked up: a 406 or 400 says nothing about whether it exists.
     */
    Response respond(DatasetLookup lookup, String format, String style, String locale, HttpHeaders headers, UriInfo uri) {
        Negotiation asked = Negotiation.of(format, style, locale, headers, "dataset");
        if (asked instanceof Negotiation.Refused(Response refusal)) {
            return refusal;
        }
        Negotiation.Chosen chosen = (Negotiation.Chosen) asked;
        Representation r = chosen.representation();

        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        access.resolveBeforeLookup();
        Dataset d = lookup.find();
        AccessDecision decision = d == null ? null : access.read(d, "landing-page");
        Optional<ExportDetail> detail = decision == null || decision.visibility() == Visibility.NONE
                ? Optional.empty() : access.exportDetail(decision, d);
        if (d != null && detail.isEmpty() && access.tombstone(d)) {
            // a DOI keeps resolving: a tombstone with what DataCite itself still shows, nothing of the data
            return Negotiation.vary(r == Representation.HTML
                    ? Response.status(410).entity(Templates.withdrawn(d.title, d.doi, d.facility.name, user)).type(MediaType.TEXT_HTML)
                            .header("Link", "<https://doi.org/" + d.doi + ">; rel=\"cite-as\"").build()
                    : ApiError.of(410, GONE).withCode("GONE").response());
        }
        if (detail.isEmpty()) {
            return Negotiation.vary(r == Representation.HTML
                    ? Response.status(404).entity(Templates.notFound(user)).type(MediaType.TEXT_HTML).build()
                    : ApiError.of(404, NOT_FOUND).response());
        }
        URI base = urls.base(uri.getBaseUri());
        String landingPage = PublicUrls.dataset(base, d.pid);
        DataCiteMetadata metadata = exports.metadata(d, detail.get(), base);
        if (r != Representation.HTML) {
            // the page's view (parameters, files) is read only for the forms that need it
            Supplier<Landing> landing = () -> landing(d, decision, metadata, landingPage);
            return exports.answer(r, chosen.style(), metadata, landingPage, () -> landing.get().signposts(), () -> {
                Landing l = landing.get();
                return jsonLd.of(l.view(), metadata, landingPage, base.toString(), l.downloads());
            });
        }
        Landing page = landing(d, decision, metadata, landingPage);
        String ld = jsonLd.of(page.view(), metadata, landingPage, base.toString(), page.downloads());
        LandingCitation cite = exports.landing(metadata, landingPage);
        Map<String, String> byPath = page.downloads().stream()
                .collect(Collectors.toMap(DatasetJsonLd.Download::path, DatasetJsonLd.Download::url, (x, y) -> x));
        Response.ResponseBuilder html = Response.ok(Templates.dataset(page.view(), cite, ld, byPath, user,
                quality.forLandingPage(d).orElse(null), access.mayPreview(d) && previews.exists(d.id))).type(MediaType.TEXT_HTML);
        page.signposts().headers().forEach(link -> html.header("Link", link));
        return Negotiation.vary(html.build());
    }

    /** What the page shows the caller of {@code d}, the files it may download, and its signposts. */
    private record Landing(DatasetView view, List<DatasetJsonLd.Download> downloads, Signposts signposts) {}

    private Landing landing(Dataset d, AccessDecision decision, DataCiteMetadata metadata, String landingPage) {
        DatasetView view = DatasetView.of(d, decision.visibility(), access.licence(d), rules.day(d.currentEmbargoEnd()));
        // files are linked only while the licence is in force (released) and the page lists them
        List<DatasetJsonLd.Download> downloads = view.licenceInForce() && view.showsFiles() ? view.files().stream()
                .filter(f -> !f.missing())
                .flatMap(f -> fileUrls.of(f.path()).map(u -> new DatasetJsonLd.Download(f.path(), u, f.size())).stream())
                .toList() : List.of();
        Signposts signposts = Signposts.of(view.doi() != null ? "https://doi.org/" + view.doi() : landingPage, landingPage,
                Signposts.authors(metadata), view.licenceInForce() ? view.licenceUrl() : null,
                downloads.stream().map(DatasetJsonLd.Download::url).toList());
        return new Landing(view, downloads, signposts);
    }

    /** Finds the dataset a request names, inside the request's transaction; null when none. */
    @FunctionalInterface
    interface DatasetLookup {
        Dataset find();
    }
}
