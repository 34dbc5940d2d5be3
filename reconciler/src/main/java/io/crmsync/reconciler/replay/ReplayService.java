package io.crmsync.reconciler.replay;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.reconciler.messaging.WebhookReceivedPublisher;
import io.crmsync.reconciler.service.PolledEvent;
import io.crmsync.reconciler.service.PolledEvents;
import io.crmsync.reconciler.service.PolledObject;
import io.crmsync.reconciler.service.SourcePoller;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Re-runs the sync for one object, one store or a whole tenant over a time range, without anyone
 * editing rows: reads the stores' admin APIs again (the platform pollers, objects modified in
 * {@code [from, to)}) and publishes what it finds with origin {@code replay}, which the
 * dedup-service syncs again instead of dropping as a repeat — but never over a newer state.
 * Cursors are not touched: a replay is beside the regular polls, not instead of them.
 */
@ApplicationScoped
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class);

    private final Tenants tenants;
    private final Map<Platform, SourcePoller> pollers = new EnumMap<>(Platform.class);
    private final WebhookReceivedPublisher publisher;
    private final MeterRegistry registry;

    public ReplayService(Tenants tenants, Instance<SourcePoller> pollers, WebhookReceivedPublisher publisher,
                         MeterRegistry registry) {
        this.tenants = tenants;
        this.publisher = publisher;
        this.registry = registry;
        pollers.forEach(p -> this.pollers.put(p.platform(), p));
    }

    /**
     * What to replay: the tenant's stores (or one), their object types (or one), objects modified
     * in {@code [from, to)} ({@code to} null: until now), all of them or the one {@code objectId}.
     */
    public record ReplayRequest(String tenant, String storeId, String objectType, String objectId, Instant from,
                                Instant to) {
    }

    /** @param failures per store and object type that could not be read to the end, why */
    public record ReplayResult(String replayId, int published, List<String> failures) {
    }

    /** The request names nothing that can be replayed. */
    public static final class ReplayRefused extends RuntimeException {

        public ReplayRefused(String message) {
            super(message);
        }
    }

    public ReplayResult replay(ReplayRequest request, String requestedBy) {
        Tenant tenant = tenants.tenant(request.tenant())
                .orElseThrow(() -> new ReplayRefused("unknown tenant " + request.tenant()));
        List<Store> stores = request.storeId() == null ? tenant.stores()
                : List.of(tenant.store(request.storeId()).orElseThrow(() ->
                        new ReplayRefused("tenant " + tenant.id() + " has no store " + request.storeId())));
        if (request.objectId() != null && (request.storeId() == null || request.objectType() == null)) {
            throw new ReplayRefused("replaying one object needs its storeId and objectType");
        }
        String replayId = UUID.randomUUID().toString();
        int[] published = {0};
        List<String> failures = new ArrayList<>();
        for (Store store : stores) {
            SourcePoller poller = pollers.get(store.platform());
            if (poller == null) {
                if (request.storeId() != null) {
                    throw new ReplayRefused("no poller for " + store.platform().wire() + " stores");
                }
                continue;
            }
            List<String> types = request.objectType() == null ? poller.objectTypes() : List.of(request.objectType());
            for (String type : types) {
                if (!poller.objectTypes().contains(type)) {
                    throw new ReplayRefused("the " + store.platform().wire() + " poller cannot list " + type);
                }
                try {
                    poller.poll(store, type, request.from(), page -> published[0] += publish(tenant, store, page,
                            request, replayId));
                } catch (RuntimeException e) {
                    failures.add(store.id() + " " + type + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage()));
                }
            }
        }
        registry.counter("crmsync.reconcile.replayed", "tenant", tenant.id()).increment(published[0]);
        LOG.infof("replay %s of tenant %s by %s: %d published, %d failed store reads", replayId, tenant.id(), requestedBy,
                published[0], failures.size());
        return new ReplayResult(replayId, published[0], failures);
    }

    private int publish(Tenant tenant, Store store, List<PolledObject> page, ReplayRequest request, String replayId) {
        Instant receivedAt = Instant.now();
        List<PolledEvent> events = page.stream()
                .filter(o -> request.to() == null || o.updatedAt().isBefore(request.to()))
                .filter(o -> request.objectId() == null || request.objectId().equals(o.objectId()))
                .map(o -> PolledEvents.replay(tenant, store, o, receivedAt, replayId))
                .toList();
        if (!events.isEmpty()) {
            publisher.publishAll(events);
        }
        return events.size();
    }
}
