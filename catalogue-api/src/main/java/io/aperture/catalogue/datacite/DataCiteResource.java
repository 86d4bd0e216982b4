package io.aperture.catalogue.datacite;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.access.AccessDecision;
import io.aperture.policy.access.ExportDetail;
import io.aperture.policy.access.Visibility;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Optional;

/**
 * {@code GET /api/datasets/{pid}/datacite}: the dataset's DataCite 4.6 metadata, as XML
 * ({@value #DATACITE_XML}) or, with {@code ?format=json} (or {@code Accept: application/json}), as DataCite JSON
 * attributes. What is exported is the policy's
 * decision for the caller: nothing (a 404 identical to an unknown pid), the minimal DOI landing set, or everything.
 */
@Path("/api/datasets/{pid}/datacite")
public class DataCiteResource {
    public static final String DATACITE_XML = "application/vnd.datacite.datacite+xml";
    private static final String NOT_FOUND = "No dataset with this identifier.\n";

    private final AccessControl access;
    private final DataCiteMapper mapper;
    private final PublicUrls urls;

    DataCiteResource(AccessControl access, DataCiteMapper mapper, PublicUrls urls) {
        this.access = access;
        this.mapper = mapper;
        this.urls = urls;
    }

    @GET
    @Produces({DATACITE_XML, MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    @Transactional
    public Response export(@PathParam("pid") String pid, @QueryParam("format") String format, @Context UriInfo uri,
                           @Context HttpHeaders headers) {
        // ?format wins; without it, a client that asks for JSON first gets JSON
        boolean json = format != null ? "json".equalsIgnoreCase(format)
                : headers.getAcceptableMediaTypes().stream().findFirst()
                        .map(t -> "application".equals(t.getType()) && "json".equals(t.getSubtype())).orElse(false);
        if (format != null && !json && !"xml".equalsIgnoreCase(format)) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity("format must be xml or json\n").build();
        }
        Dataset d = access.lookUp(pid);
        AccessDecision decision = d == null ? null : access.read(d, "datacite");
        Optional<ExportDetail> detail = decision == null ? Optional.empty() : access.exportDetail(decision, d);
        if (detail.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity(NOT_FOUND).build();
        }
        DataCiteMetadata m = mapper.map(d, detail.get(), urls.base(uri.getBaseUri()),
                other -> access.decide(other).visibility() != Visibility.NONE);
        return json
                ? Response.ok(DataCiteJson.document(m), MediaType.APPLICATION_JSON).build()
                : Response.ok(DataCiteXml.document(m), DATACITE_XML).build();
    }
}
