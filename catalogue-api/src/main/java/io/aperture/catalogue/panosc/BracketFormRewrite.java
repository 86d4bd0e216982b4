package io.aperture.catalogue.panosc;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rewrites a PaNOSC request's bracket-form {@code filter}/{@code where} ({@link BracketForm}) into the JSON parameter
 * before the request is matched, so every PaNOSC endpoint reads both forms without knowing of them. A JSON parameter
 * given as such wins, as in LoopBack.
 */
@Provider
@PreMatching
public class BracketFormRewrite implements ContainerRequestFilter {
    private static final Pattern PANOSC = Pattern.compile("(?i)/?api/(datasets|documents|instruments)(/.*)?");

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (!PANOSC.matcher(ctx.getUriInfo().getPath()).matches()) {
            return;
        }
        MultivaluedMap<String, String> params = ctx.getUriInfo().getQueryParameters();
        StringBuilder added = new StringBuilder();
        for (String name : List.of("filter", "where")) {
            if (params.containsKey(name)) {
                continue;
            }
            Optional<String> json = BracketForm.json(name, params);
            json.ifPresent(j -> added.append('&').append(name).append('=')
                    .append(URLEncoder.encode(j, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        if (!added.isEmpty()) {
            String uri = ctx.getUriInfo().getRequestUri().toString();
            ctx.setRequestUri(URI.create(uri + (uri.contains("?") ? "" : "?") + added));
        }
    }
}
