package io.aperture.portal;

import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.citation.CitationStyle;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;

/**
 * Which form of a landing page (a dataset's or a collection's) a request asks for, by {@code ?format=} or
 * {@code Accept}, and for a citation in which style and locale; or the 400/406 that refuses it. Decided before
 * anything is looked up, so a refusal says nothing about whether the record exists.
 */
sealed interface Negotiation {

    /** The form to answer in; {@code style} is set for {@link Representation#CITATION} only. */
    record Chosen(Representation representation, CitationStyle style) implements Negotiation {}

    /** The request cannot be answered in any form: the 400 or 406 to send. */
    record Refused(Response response) implements Negotiation {}

    /** @param subject what the page is of, for the 406's message ("dataset", "collection") */
    static Negotiation of(String format, String style, String locale, HttpHeaders headers, String subject) {
        Optional<Representation.Choice> chosen;
        if (format != null) {
            Optional<Representation> byFormat = Representation.byFormat(format);
            if (byFormat.isEmpty()) {
                return new Refused(vary(ApiError.of(400, "format must be one of " + Representation.formats())
                        .withField("format").response()));
            }
            chosen = Optional.of(new Representation.Choice(byFormat.get(), null, null));
        } else {
            List<MediaType> accepted;
            try {
                accepted = headers.getAcceptableMediaTypes();
            } catch (IllegalArgumentException e) {
                // e.g. "Accept: foo": the framework's parser throws, which would be a 500
                return new Refused(vary(ApiError.of(400, "Accept must be a list of media types such as text/html")
                        .withField("Accept").response()));
            }
            chosen = Representation.choose(accepted);
        }
        if (chosen.isEmpty()) {
            return new Refused(vary(ApiError.of(406, "This " + subject + " is available as " + Representation.mediaTypes())
                    .withCode("NOT_ACCEPTABLE").response()));
        }
        Representation r = chosen.get().representation();
        if (r != Representation.CITATION) {
            return new Chosen(r, null);
        }
        try {
            // a query parameter wins over the media-type parameter
            return new Chosen(r, CitationStyle.of(style != null ? style : chosen.get().style(),
                    locale != null ? locale : chosen.get().locale()));
        } catch (CitationStyle.UnknownStyleException e) {
            return new Refused(vary(ApiError.of(400, e.getMessage()).withField(e.parameter()).response()));
        }
    }

    /** Caches must key every answer of a landing page's address on Accept. */
    static Response vary(Response r) {
        return Response.fromResponse(r).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
}
