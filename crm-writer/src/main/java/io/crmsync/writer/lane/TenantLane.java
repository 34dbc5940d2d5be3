package io.crmsync.writer.lane;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One tenant's lane: a thread of its own that drains the tenant's commands, so a tenant whose CRM
 * is slow, down or paused holds back nobody else. It sleeps between drains until woken (new
 * commands, a resume) or until its next retry falls due.
 */
final class TenantLane implements Runnable {

    private static final Logger LOG = Logger.getLogger(TenantLane.class);

    private final String tenant;
    private final LaneDrain drain;
    private final Duration onError;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running = true;

    TenantLane(String tenant, LaneDrain drain, Duration onError) {
        this.tenant = tenant;
        this.drain = drain;
        this.onError = onError;
    }

    void wake() {
        signal.release();
    }

    void stop() {
        running = false;
        signal.release();
    }

    @Override
    public void run() {
        while (running) {
            Duration pause;
            try {
                pause = drain.drain(tenant);
            } catch (Exception e) {
                // The database or the broker is away: nothing was settled, the rows stay. Try again.
                LOG.errorf(e, "tenant %s: drain failed", tenant);
                pause = onError;
            }
            if (pause.isZero() || pause.isNegative()) {
                continue;
            }
            try {
                if (signal.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
