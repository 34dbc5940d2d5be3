package io.crmsync.sandbox.storefront.rest;

import io.crmsync.sandbox.storefront.Fault;
import io.crmsync.sandbox.storefront.FaultMode;
import io.crmsync.sandbox.storefront.InvalidRequestException;
import io.crmsync.sandbox.storefront.service.FaultRegistry;
import io.crmsync.sandbox.storefront.service.StoreDirectory;
import io.crmsync.sandbox.storefront.service.WebhookDeliveryService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

/** Fault injection per store; a fault holds until the next call for that store. */
@Path("/_sim/faults")
public class SimFaultsResource {

    private static final Logger LOG = Logger.getLogger(SimFaultsResource.class);
    /** Ten minutes: longer than any client's read timeout, short enough not to pin a worker thread for good. */
    private static final long MAX_LATENCY_MILLIS = 600_000;

    private final FaultRegistry faults;
    private final StoreDirectory stores;
    private final WebhookDeliveryService deliveries;

    public SimFaultsResource(FaultRegistry faults, StoreDirectory stores, WebhookDeliveryService deliveries) {
        this.faults = faults;
        this.stores = stores;
        this.deliveries = deliveries;
    }

    /**
     * @param percent    {@code drop-webhooks}: share of webhooks lost (default 100)
     * @param requests   {@code api-rate-limit}: requests allowed per window
     * @param perSeconds {@code api-rate-limit}: window length in seconds
     * @param millis     {@code api-latency}: delay before every admin API answer
     * @param hold       {@code reorder-webhooks}: webhooks held back before a batch goes out newest first (default 5)
     */
    public record FaultRequest(String storeId, String mode, Integer percent, Integer requests, Integer perSeconds,
                               Long millis, Integer hold) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void set(FaultRequest request) {
        if (request == null || request.storeId() == null || request.mode() == null) {
            throw new InvalidRequestException("storeId and mode are required");
        }
        stores.require(request.storeId());
        FaultMode mode = FaultMode.fromWire(request.mode()).orElseThrow(() -> new InvalidRequestException(
                "mode must be none, drop-webhooks, api-outage, api-rate-limit, api-auth, api-latency, duplicate-webhooks"
                        + " or reorder-webhooks, not " + request.mode()));
        Fault fault = switch (mode) {
            case NONE, API_OUTAGE, API_AUTH, DUPLICATE_WEBHOOKS -> new Fault(mode, 0, 0, 0);
            case REORDER_WEBHOOKS -> {
                int hold = request.hold() == null ? 5 : request.hold();
                if (hold < 2 || hold > 1000) {
                    throw new InvalidRequestException("hold must be between 2 and 1000");
                }
                yield new Fault(mode, 0, 0, 0, 0, hold);
            }
            case DROP_WEBHOOKS -> {
                int percent = request.percent() == null ? 100 : request.percent();
                if (percent < 0 || percent > 100) {
                    throw new InvalidRequestException("percent must be between 0 and 100");
                }
                yield new Fault(mode, percent, 0, 0);
            }
            case API_RATE_LIMIT -> {
                if (request.requests() == null || request.requests() < 1 || request.perSeconds() == null || request.perSeconds() < 1) {
                    throw new InvalidRequestException("api-rate-limit needs requests >= 1 and perSeconds >= 1");
                }
                yield new Fault(mode, 0, request.requests(), request.perSeconds());
            }
            case API_LATENCY -> {
                if (request.millis() == null || request.millis() < 1 || request.millis() > MAX_LATENCY_MILLIS) {
                    throw new InvalidRequestException("api-latency needs millis between 1 and " + MAX_LATENCY_MILLIS);
                }
                yield new Fault(mode, 0, 0, 0, request.millis(), 0);
            }
        };
        faults.set(request.storeId(), fault);
        // Nothing stays held once the reorder fault is gone (or set afresh): the platform sends it all in the end.
        deliveries.releaseHeld(request.storeId());
        LOG.infof("fault for %s: %s", request.storeId(), fault);
    }
}
