package io.aperture.catalogue.preview;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.model.Dataset;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Optional;

/**
 * {@code GET /api/datasets/{pid}/preview.png}: the PNG of the dataset's default plot, to whoever the policy lets see its
 * files. An unknown pid, a dataset without a preview and one whose preview the caller may not see answer the same 404.
 */
@Path("/api/datasets/{pid}/preview.png")
public class PreviewResource {
    private static final String NOT_FOUND = "no preview for this identifier";

    private final AccessControl access;
    private final PreviewStore previews;

    PreviewResource(AccessControl access, PreviewStore previews) {
        this.access = access;
        this.previews = previews;
    }

    @GET
    @Transactional
    @Operation(summary = "The data preview (PNG of the NeXus default plot) of a dataset whose files the caller may see")
    public Response preview(@PathParam("pid") String pid) {
        Dataset d = InputText.possibleIdentifier(pid) ? Dataset.byPid(pid) : null;
        Optional<byte[]> png = d == null || !access.mayPreview(d) ? Optional.empty() : previews.find(d.id);
        if (png.isEmpty()) {
            return ApiError.of(404, NOT_FOUND).response();
        }
        // a preview the public may not see must stay out of shared caches; a public one may change on a new harvest
        String cache = access.publicMayPreview(d) ? "public, max-age=3600" : "private, no-store";
        return Response.ok(png.get(), "image/png").header(HttpHeaders.CACHE_CONTROL, cache)
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
