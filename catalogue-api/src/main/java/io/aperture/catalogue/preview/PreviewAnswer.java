package io.aperture.catalogue.preview;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.model.Dataset;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * The answer to a preview request: the PNG of the dataset's default plot, to whoever the policy lets see its files. An
 * unknown pid, a dataset without a preview and one whose preview the caller may not see answer the same 404. Served
 * at the API (bearer tokens) and by the portal (the browser's session). A preview shown is a read of the dataset,
 * audited where the policy says so ({@link AccessControl#read}).
 */
@RequestScoped
public class PreviewAnswer {
    private static final String NOT_FOUND = "no preview for this identifier";

    private final AccessControl access;
    private final PreviewStore previews;

    PreviewAnswer(AccessControl access, PreviewStore previews) {
        this.access = access;
        this.previews = previews;
    }

    /** The answer for {@code pid}, inside the caller's transaction. */
    public Response of(String pid) {
        Dataset d = access.lookUp(pid);
        Optional<byte[]> png = d == null || !access.mayPreview(d) ? Optional.empty() : previews.find(d.id);
        if (png.isEmpty()) {
            return ApiError.of(404, NOT_FOUND).response();
        }
        // a preview is drawn from the data: a look at it is a read the policy may audit (staff at embargoed data), as
        // the record's own views are; only once there is a preview to show, so a 404 records nothing
        access.read(d, "preview");
        // a preview the public may not see must stay out of shared caches; a public one may change on a new harvest
        String cache = access.publicMayPreview(d) ? "public, max-age=3600" : "private, no-store";
        return Response.ok(png.get(), "image/png").header(HttpHeaders.CACHE_CONTROL, cache)
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
