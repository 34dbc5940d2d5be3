package io.crmsync.sandbox.storefront.rest;

import io.crmsync.sandbox.storefront.InvalidRequestException;
import io.crmsync.sandbox.storefront.UnknownStoreException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** Errors of the {@code /_sim} control API as {@code {"error": "..."}}. */
public class SimExceptionMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unknownStore(UnknownStoreException e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }
}
