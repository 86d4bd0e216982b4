package io.aperture.catalogue.panosc;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * The PaNOSC collections held in the database (design/PANOSC.md §1-2). Documents: the proposals that have public data,
 * each with only its public datasets; {@code releaseDate} is the embargo end of that data. Instruments: the configured
 * ones, with or without public data, and those with public data. Anonymous and public-only whoever calls; paths
 * case-insensitive.
 */
@Path("/api/{collection: (?i)(?:documents|instruments)}")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class PanoscCollectionsResource {
    private final PanoscCollection collection;

    PanoscCollectionsResource(PanoscCollection collection) {
        this.collection = collection;
    }

    @GET
    public List<Map<String, Object>> list(@PathParam("collection") String name, @QueryParam("filter") String filter) {
        return collection.list(model(name), filter, "", Map.of());
    }

    @GET
    @Path("/{count: (?i)count}")
    public Map<String, Long> count(@PathParam("collection") String name, @QueryParam("where") String where) {
        return collection.count(model(name), where, "", Map.of());
    }

    @GET
    @Path("/{pid}")
    public Response one(@PathParam("collection") String name, @PathParam("pid") String pid, @QueryParam("filter") String filter) {
        return collection.one(model(name), pid, filter);
    }

    private static EntityModel model(String collection) {
        return collection.equalsIgnoreCase("documents") ? Entities.DOCUMENT : Entities.INSTRUMENT;
    }
}
