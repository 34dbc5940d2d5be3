package io.crmsync.sandbox.storefront.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Answers with JSON written exactly as the platforms write it (UTF-8, no reformatting by the framework). */
final class JsonResponses {

    static final String JSON = "application/json; charset=utf-8";

    private JsonResponses() {
    }

    static Response.ResponseBuilder json(ObjectMapper mapper, int status, Object body) {
        try {
            return Response.status(status).type(JSON).entity(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body cannot be serialised", e);
        }
    }

    /** Ends the request with this answer (a platform's error). */
    static WebApplicationException reject(Response response) {
        return new WebApplicationException(response);
    }
}
