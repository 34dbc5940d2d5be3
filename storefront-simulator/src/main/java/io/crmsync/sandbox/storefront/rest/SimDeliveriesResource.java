package io.crmsync.sandbox.storefront.rest;

import io.crmsync.sandbox.storefront.DeliveryRecord;
import io.crmsync.sandbox.storefront.service.DeliveryLog;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The log of webhook delivery attempts, oldest first. */
@Path("/_sim/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class SimDeliveriesResource {

    private final DeliveryLog log;

    public SimDeliveriesResource(DeliveryLog log) {
        this.log = log;
    }

    @GET
    public List<DeliveryRecord> list(@QueryParam("storeId") String storeId) {
        return log.list(storeId);
    }

    @DELETE
    public void clear() {
        log.clear();
    }
}
