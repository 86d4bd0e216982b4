package io.aperture.catalogue.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aperture.catalogue.search.InvalidSearchException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** Client errors answered in the PaNOSC reference's error shape; nothing about stored data goes into a message. */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response invalidSearch(InvalidSearchException e) {
        return error(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        var at = e.getLocation();
        return error(400, at == null ? "malformed JSON" : "malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
    }

    static Response error(int status, String message) {
        return Response.status(status)
                .entity(Map.of("error", Map.of("statusCode", status, "name", status == 404 ? "NotFound" : "Error", "message", message)))
                .type("application/json").build();
    }
}
