package io.aperture.catalogue.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aperture.catalogue.input.InvalidInputException;
import io.aperture.catalogue.search.InvalidSearchException;
import io.aperture.catalogue.search.SearchUnavailableException;
import io.aperture.units.UnitOutOfRangeException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Client errors answered in the PaNOSC reference's error shape; nothing about stored data goes into a message. */
public class ApiExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);
    static final String INTERNAL_ERROR = "internal server error (logged)";
    static final String DATABASE_UNAVAILABLE_MESSAGE = "the catalogue database is unavailable for a moment; please try again shortly";
    static final String STATEMENT_TIMEOUT_MESSAGE = "the catalogue database did not answer this request within the time one"
            + " statement may take; a narrower filter (a where in each include's scope, a smaller limit) answers sooner";

    @ServerExceptionMapper
    public Response invalidSearch(InvalidSearchException e) {
        return ApiError.of(400, e.getMessage()).withField(e.parameter()).withCode(e.code()).response();
    }

    /** A value no stored record can hold (a control character, too long, a date beyond the years 1-9999). */
    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        // the message names the field and the problem, never the value itself (it may carry control characters)
        LOG.infof("refused %s: %s", uri.getPath(), e.getMessage());
        if (!uri.getPath().startsWith("/api/")) {
            // a portal page that runs the same query (the staff audit page): a plain answer, not the API's JSON
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity(e.getMessage() + "\n").build();
        }
        return ApiError.of(400, e.getMessage()).withField(e.field()).response();
    }

    /** A unit with an absurd exponent or a value whose SI equivalent overflows (units module), as a search bound. */
    @ServerExceptionMapper
    public Response unitOutOfRange(UnitOutOfRangeException e, UriInfo uri) {
        LOG.infof("refused %s: a unit or value out of range", uri.getPath());
        return ApiError.of(400, e.getMessage()).withCode(InvalidSearchException.UNIT_OUT_OF_RANGE).response();
    }

    /** The engine is down or overloaded: a temporary condition the client may retry, not a server bug (500). */
    @ServerExceptionMapper
    public Response searchUnavailable(SearchUnavailableException e) {
        return Response.fromResponse(ApiError.of(503, e.getMessage()).withCode("SEARCH_UNAVAILABLE").response())
                .header("Retry-After", SearchUnavailableException.RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        var at = e.getLocation();
        return error(400, at == null ? "malformed JSON" : "malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
    }

    /**
     * BadRequestException, NotFoundException and friends, thrown by resources or by the JSON reader: under {@code /api} they answer in the
     * API's error shape; portal pages keep their own responses.
     */
    @ServerExceptionMapper
    public Response clientError(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (!uri.getPath().startsWith("/api/") || status < 400 || status >= 500 || e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        // only the message a resource wrote itself; the framework's default texts say nothing useful
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? reasonPhrase(status) : e.getMessage();
        return error(status, message);
    }

    /**
     * Anything no other mapper knows is a defect of ours: under {@code /api} it still answers in the documented shape,
     * with nothing of the exception (messages quote SQL, values and stored data) — the cause goes to the log.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (DatabaseOutage.isCause(e)) {
            return databaseUnavailable(e, uri);
        }
        if (StatementTimeout.isCause(e)) {
            return statementTimedOut(uri);
        }
        LOG.errorf(e, "unexpected failure on %s", uri.getPath());
        if (!uri.getPath().startsWith("/api/")) {
            return Response.serverError().type(MediaType.TEXT_PLAIN).entity(INTERNAL_ERROR + "\n").build();
        }
        return error(500, INTERNAL_ERROR);
    }

    /**
     * PostgreSQL does not answer (stopped, restarting): a temporary condition, not a defect. The pool opens new
     * connections once it is back, so the same server recovers without a restart.
     */
    private static Response databaseUnavailable(RuntimeException e, UriInfo uri) {
        LOG.warnf("database unavailable on %s: %s", uri.getPath(), e.getMessage());
        Response answer = uri.getPath().startsWith("/api/")
                ? ApiError.of(503, DATABASE_UNAVAILABLE_MESSAGE).withCode("DATABASE_UNAVAILABLE").response()
                : Response.status(503).type(MediaType.TEXT_PLAIN).entity(DATABASE_UNAVAILABLE_MESSAGE + "\n").build();
        return Response.fromResponse(answer).header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
    }

    /**
     * A statement ran past its bound: as a search the engine does not answer in time, a 503 with Retry-After. The
     * database cannot tell a costly filter from a busy moment, so neither is called the caller's error.
     */
    private static Response statementTimedOut(UriInfo uri) {
        LOG.warnf("a statement ran past its time bound on %s (query string of %d characters)", uri.getPath(),
                uri.getRequestUri().getRawQuery() == null ? 0 : uri.getRequestUri().getRawQuery().length());
        Response answer = uri.getPath().startsWith("/api/")
                ? ApiError.of(503, STATEMENT_TIMEOUT_MESSAGE).withCode("STATEMENT_TIMEOUT").response()
                : Response.status(503).type(MediaType.TEXT_PLAIN).entity(STATEMENT_TIMEOUT_MESSAGE + "\n").build();
        return Response.fromResponse(answer).header("Retry-After", SearchUnavailableException.RETRY_AFTER_SECONDS).build();
    }

    private static String reasonPhrase(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type == null ? "client error" : type.getReasonPhrase();
    }

    static Response error(int status, String message) {
        return ApiError.of(status, message).response();
    }
}
