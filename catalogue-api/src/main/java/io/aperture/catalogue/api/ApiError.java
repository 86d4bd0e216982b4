package io.aperture.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The one JSON error body of the API, in the shape of the PaNOSC reference (LoopBack): {@code {"error": {...}}}.
 * {@code code} is a stable machine-readable reason (a policy refusal, {@code MODEL_NOT_FOUND}); {@code field} names
 * the offending input. Messages never carry stored data the caller may not see.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int statusCode, String name, String message, String code, String field) {

    public static ApiError of(int status, String message) {
        return new ApiError(status, nameOf(status), message, null, null);
    }

    public ApiError withCode(String code) {
        return new ApiError(statusCode, name, message, code, field);
    }

    public ApiError withField(String field) {
        return new ApiError(statusCode, name, message, code, field);
    }

    public Response response() {
        return Response.status(statusCode).type(MediaType.APPLICATION_JSON).entity(Map.of("error", this)).build();
    }

    /** Answers {@code ctx} with this error from a Vert.x route, for refusals made before JAX-RS sees the request. */
    public void end(RoutingContext ctx, ObjectMapper json) {
        String body;
        try {
            body = json.writeValueAsString(Map.of("error", this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response().setStatusCode(statusCode).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON).end(body);
    }

    /** The http-errors class names LoopBack uses, so PaNOSC clients see familiar names. */
    static String nameOf(int status) {
        return switch (status) {
            case 400 -> "BadRequestError";
            case 401 -> "UnauthorizedError";
            case 403 -> "ForbiddenError";
            case 404 -> "NotFoundError";
            case 405 -> "MethodNotAllowedError";
            case 406 -> "NotAcceptableError";
            case 409 -> "ConflictError";
            case 413 -> "PayloadTooLargeError";
            case 414 -> "URITooLongError";
            case 415 -> "UnsupportedMediaTypeError";
            case 422 -> "UnprocessableEntityError";
            case 429 -> "TooManyRequestsError";
            case 431 -> "RequestHeaderFieldsTooLargeError";
            case 503 -> "ServiceUnavailableError";
            default -> status >= 500 ? "InternalServerError" : "Error";
        };
    }
}
