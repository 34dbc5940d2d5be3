package io.crmsync.reconciler.client;

import io.crmsync.reconciler.service.SourceUnavailableException;

import java.time.Duration;

/** Waits on the polling thread (a worker thread, never the event loop). */
final class Pause {

    private Pause() {
    }

    static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while waiting for the admin API's rate limit", e);
        }
    }
}
