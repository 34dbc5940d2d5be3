package io.crmsync.sandbox.storefront.rest;

import io.crmsync.sandbox.storefront.InvalidRequestException;
import io.crmsync.sandbox.storefront.service.IngressTarget;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Where webhooks go, readable and re-pointable at run time: a test starts the simulator before its
 * own webhook-ingress has a port.
 */
@Path("/_sim/ingress")
@Produces(MediaType.APPLICATION_JSON)
public class SimIngressResource {

    private final IngressTarget target;

    public SimIngressResource(IngressTarget target) {
        this.target = target;
    }

    public record Ingress(String url) {
    }

    @GET
    public Ingress get() {
        return new Ingress(target.baseUrl());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Ingress set(Ingress ingress) {
        if (ingress == null) {
            throw new InvalidRequestException("url is required");
        }
        target.set(ingress.url());
        return new Ingress(target.baseUrl());
    }
}
