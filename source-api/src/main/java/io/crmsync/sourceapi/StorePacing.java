package io.crmsync.sourceapi;

import io.crmsync.commons.tenant.Store;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * When the next call to each store may go: pushed back by what the store's rate-limit headers
 * say (a filling Shopify bucket, few BigCommerce requests left) and by 429s, so consecutive calls
 * to one store slow down before they are refused. State and waits are per store; no lock is held
 * while waiting, so a slow store never holds back the calls to another.
 */
@ApplicationScoped
public class StorePacing {

    private final Map<String, Long> notBeforeNanos = new ConcurrentHashMap<>();
    private final Duration maxWait;

    public StorePacing(SourceApiConfig config) {
        this.maxWait = config.maxRateLimitWait();
    }

    /** Waits (on the calling worker thread) until the store may be called, at most the configured maximum. */
    public void awaitTurn(Store store) {
        Long notBefore = notBeforeNanos.get(store.id());
        if (notBefore == null) {
            return;
        }
        long waitNanos = Math.min(notBefore - System.nanoTime(), maxWait.toNanos());
        if (waitNanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while pacing calls to store " + store.id(), e);
        }
    }

    /** No call to the store before {@code pause} from now (a later hold already in force stays). */
    public void holdBack(Store store, Duration pause) {
        if (pause.isZero() || pause.isNegative()) {
            return;
        }
        long until = System.nanoTime() + pause.toNanos();
        notBeforeNanos.merge(store.id(), until, (current, proposed) -> current - proposed > 0 ? current : proposed);
    }
}
