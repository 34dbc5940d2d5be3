package io.crmsync.writer.lane;

import io.crmsync.commons.tenant.Tenant;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.writer.config.WriterConfig;
import io.crmsync.writer.control.TenantStates;
import io.crmsync.writer.service.WriterMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts a {@link TenantLane} for every tenant of the registry (and for tenants added to it while
 * running), wakes a lane when its tenant has new commands, and keeps the queue-depth and
 * tenant-state gauges current.
 */
@ApplicationScoped
public class WriteLanes {

    private static final Logger LOG = Logger.getLogger(WriteLanes.class);

    private final Tenants tenants;
    private final LaneDrain drain;
    private final InboxRepository inbox;
    private final LaneLeases leases;
    private final TenantStates states;
    private final WriterMetrics metrics;
    private final WriterConfig config;
    private final Map<String, TenantLane> lanes = new ConcurrentHashMap<>();
    private ScheduledExecutorService supervisor;

    public WriteLanes(Tenants tenants, LaneDrain drain, InboxRepository inbox, LaneLeases leases, TenantStates states,
                      WriterMetrics metrics, WriterConfig config) {
        this.tenants = tenants;
        this.drain = drain;
        this.inbox = inbox;
        this.leases = leases;
        this.states = states;
        this.metrics = metrics;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        supervisor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "lane-supervisor"));
        long every = config.lanes().idlePoll().toMillis();
        supervisor.scheduleWithFixedDelay(this::supervise, 0, every, TimeUnit.MILLISECONDS);
    }

    /** New commands for the tenant are stored: its lane drains now rather than at its next poll. */
    public void wake(String tenant) {
        TenantLane lane = lanes.get(tenant);
        if (lane != null) {
            lane.wake();
        }
    }

    private void supervise() {
        try {
            for (Tenant tenant : tenants.all()) {
                lanes.computeIfAbsent(tenant.id(), this::startLane);
            }
            metrics.queueDepth(inbox.depth());
            states.all().forEach(metrics::tenantState);
        } catch (Exception e) {
            LOG.warnf("lane supervision failed, trying again: %s", e.toString());
        }
    }

    private TenantLane startLane(String tenant) {
        TenantLane lane = new TenantLane(tenant, drain, config.lanes().idlePoll());
        Thread thread = new Thread(lane, "lane-" + tenant);
        thread.setDaemon(true);
        thread.start();
        return lane;
    }

    void stop(@Observes ShutdownEvent event) {
        lanes.values().forEach(TenantLane::stop);
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        try {
            leases.releaseAll();
        } catch (Exception e) {
            LOG.warnf("lane leases not released (they lapse): %s", e.toString());
        }
    }
}
