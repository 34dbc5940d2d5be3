package io.crmsync.sandbox.storefront.service;

import io.crmsync.commons.tenant.Store;
import io.crmsync.sandbox.storefront.DeliveryOutcome;
import io.crmsync.sandbox.storefront.DeliveryRecord;
import io.crmsync.sandbox.storefront.Fault;
import io.crmsync.sandbox.storefront.FaultMode;
import io.crmsync.sandbox.storefront.client.IngressClient;
import io.crmsync.sandbox.storefront.config.SimulatorConfig;
import io.crmsync.sandbox.storefront.platform.PlatformDialect;
import io.crmsync.sandbox.storefront.platform.PlatformDialects;
import io.crmsync.sandbox.storefront.platform.WebhookEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers webhooks to webhook-ingress as the platforms do: the first attempt while the seeding
 * call waits (so it can report the outcome), later attempts in the background after the configured
 * back-off, for the platforms that retry. Every attempt is logged for {@code GET /_sim/deliveries}.
 */
@ApplicationScoped
public class WebhookDeliveryService {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryService.class);

    private final IngressClient ingress;
    private final IngressTarget target;
    private final PlatformDialects dialects;
    private final DeliveryLog log;
    private final FaultRegistry faults;
    private final HeldWebhooks held;
    private final List<Duration> retryDelays;
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "webhook-retry");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookDeliveryService(IngressClient ingress, IngressTarget target, PlatformDialects dialects,
                                  DeliveryLog log, FaultRegistry faults, HeldWebhooks held, SimulatorConfig config) {
        this.ingress = ingress;
        this.target = target;
        this.dialects = dialects;
        this.log = log;
        this.faults = faults;
        this.held = held;
        this.retryDelays = List.copyOf(config.delivery().retryDelays());
    }

    public DeliveryOutcome deliver(Store store, WebhookEvent event) {
        if (faults.dropNextWebhook(store.id())) {
            LOG.infof("webhook %s %s/%s dropped by fault", event.topic(), store.id(), event.objectId());
            return new DeliveryOutcome("dropped", event.eventId(), event.topic(), null, null);
        }
        Fault fault = faults.fault(store.id());
        if (fault.mode() == FaultMode.REORDER_WEBHOOKS) {
            held.hold(store, event, fault.hold()).forEach(h -> send(h.store(), h.event()));
            return new DeliveryOutcome("held", event.eventId(), event.topic(), null, null);
        }
        DeliveryOutcome outcome = send(store, event);
        if (fault.mode() == FaultMode.DUPLICATE_WEBHOOKS) {
            // A second delivery of the same event (same event id, new delivery id), not a retry.
            LOG.infof("webhook %s %s/%s delivered again by fault", event.topic(), store.id(), event.objectId());
            attempt(store, event, 1);
        }
        return outcome;
    }

    /** Sends what the {@code reorder-webhooks} fault still holds for the store, newest first. */
    public void releaseHeld(String storeId) {
        held.release(storeId).forEach(h -> send(h.store(), h.event()));
    }

    private DeliveryOutcome send(Store store, WebhookEvent event) {
        DeliveryRecord first = attempt(store, event, 1);
        boolean delivered = isSuccess(first.status());
        boolean willRetry = !delivered && dialects.of(store.platform()).retriesFailedDeliveries() && !retryDelays.isEmpty();
        if (willRetry) {
            scheduleRetry(store, event, 2);
        }
        String result = delivered ? "delivered" : willRetry ? "retrying" : "failed";
        return new DeliveryOutcome(result, event.eventId(), event.topic(), first.status(), first.deliveryId());
    }

    private void scheduleRetry(Store store, WebhookEvent event, int attempt) {
        Duration delay = retryDelays.get(attempt - 2);
        retries.schedule(() -> {
            DeliveryRecord record = attempt(store, event, attempt);
            if (!isSuccess(record.status()) && attempt - 1 < retryDelays.size()) {
                scheduleRetry(store, event, attempt + 1);
            } else if (!isSuccess(record.status())) {
                LOG.warnf("webhook %s %s/%s gave up after %d attempts", event.topic(), store.id(), event.objectId(), attempt);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private DeliveryRecord attempt(Store store, WebhookEvent event, int attempt) {
        PlatformDialect dialect = dialects.of(store.platform());
        String deliveryId = UUID.randomUUID().toString();
        Instant at = Instant.now();
        int status = ingress.post(target.webhookUri(store.platform().wire(), store.id()),
                dialect.headers(store, event, deliveryId, at), event.body());
        DeliveryRecord record = new DeliveryRecord(deliveryId, event.eventId(), store.id(), store.platform().wire(),
                event.topic(), event.objectId(), attempt, status, at);
        log.add(record);
        if (isSuccess(status)) {
            LOG.debugf("webhook %s %s/%s attempt %d: %d", event.topic(), store.id(), event.objectId(), attempt, status);
        } else {
            LOG.infof("webhook %s %s/%s attempt %d failed: %d", event.topic(), store.id(), event.objectId(), attempt, status);
        }
        return record;
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }
}
