package io.aperture.catalogue.preview;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/datasets/{pid}/preview.png}: a dataset's preview for bearer-token callers ({@link PreviewAnswer}). */
@Path("/api/datasets/{pid}/preview.png")
public class PreviewResource {
    private final PreviewAnswer answer;

    PreviewResource(PreviewAnswer answer) {
        this.answer = answer;
    }

    @GET
    @Transactional
    @Operation(summary = "The data preview (PNG of the NeXus default plot) of a dataset whose files the caller may see")
    public Response preview(@PathParam("pid") String pid) {
        return answer.of(pid);
    }
}
