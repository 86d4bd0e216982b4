package io.aperture.portal;

import io.aperture.catalogue.preview.PreviewAnswer;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /datasets/{pid}/preview.png}: the landing page's image, under the portal's paths so that the browser's
 * session goes with it (the API's paths take bearer tokens only); the same answer as the API's ({@link PreviewAnswer}).
 */
@Path("/datasets/{pid}/preview.png")
public class DatasetPreviewPage {
    private final PreviewAnswer answer;

    DatasetPreviewPage(PreviewAnswer answer) {
        this.answer = answer;
    }

    @GET
    @Transactional
    public Response preview(@PathParam("pid") String pid) {
        return answer.of(pid);
    }
}
