package io.crmsync.reconciler.service;

import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.reconciler.config.ReconcilerConfig;
import io.crmsync.reconciler.messaging.WebhookReceivedPublisher;
import io.crmsync.reconciler.repository.PollCursorRepository;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Polls one object type of one store from its cursor: publishes every page, and only when all
 * pages are acknowledged by the broker moves the cursor to the newest change seen. A failure
 * leaves the cursor where it was, so the next cycle reads the same range again (at least once).
 */
@ApplicationScoped
public class StorePollService {

    private static final Logger LOG = Logger.getLogger(StorePollService.class);

    private final PollCursorRepository cursors;
    private final WebhookReceivedPublisher publisher;
    private final PollMetrics metrics;
    private final ReconcilerConfig config;

    public StorePollService(PollCursorRepository cursors, WebhookReceivedPublisher publisher, PollMetrics metrics,
                            ReconcilerConfig config) {
        this.cursors = cursors;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
    }

    @WithSpan("reconciler poll store")
    public StorePollResult poll(Tenant tenant, Store store, SourcePoller poller, String objectType) {
        Span.current().setAttribute("crmsync.tenant", tenant.id())
                .setAttribute("crmsync.store", store.id())
                .setAttribute("crmsync.object_type", objectType);
        Progress progress = new Progress();
        String platform = store.platform().wire();
        Optional<CursorPosition> saved = Optional.empty();
        try {
            saved = cursors.position(tenant.id(), store.id(), objectType);
            progress.position = saved.orElseGet(() -> CursorPosition.initial(tenant.liveSince()));
            Instant since = saved.map(p -> p.pollFrom(config.overlap())).orElse(progress.position.modifiedSince());
            poller.poll(store, objectType, since, page -> publish(tenant, store, objectType, page, progress));
            cursors.save(tenant.id(), store.id(), objectType, progress.position);
            if (progress.published > 0) {
                LOG.infof("polled %s %s of tenant %s: %d published, cursor now %s", store.id(), objectType, tenant.id(),
                        progress.published, progress.position.modifiedSince());
            }
            return new StorePollResult(tenant.id(), store.id(), platform, objectType, StorePollResult.Outcome.OK,
                    progress.published, progress.position.modifiedSince(), null);
        } catch (RuntimeException e) {
            metrics.error(tenant.id(), store.id());
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("poll of %s %s of tenant %s failed after %d published; its cursor stays: %s",
                    store.id(), objectType, tenant.id(), progress.published, reason);
            Instant unchanged = saved.map(CursorPosition::modifiedSince).orElse(null);
            return new StorePollResult(tenant.id(), store.id(), platform, objectType, StorePollResult.Outcome.FAILED,
                    progress.published, unchanged, reason);
        }
    }

    private void publish(Tenant tenant, Store store, String objectType, List<PolledObject> page, Progress progress) {
        Instant receivedAt = Instant.now();
        publisher.publishAll(page.stream().map(o -> PolledEvents.of(tenant, store, o, receivedAt)).toList());
        progress.published += page.size();
        metrics.polled(tenant.id(), store.id(), objectType, page.size());
        for (PolledObject object : page) {
            progress.position = progress.position.advance(object.updatedAt(), object.objectId());
        }
    }

    /** Where a running poll is: advanced page by page, saved only at the end. */
    private static final class Progress {
        private CursorPosition position;
        private int published;
    }
}
