package io.crmsync.writer.control;

import io.crmsync.contract.control.TenantControl;
import io.crmsync.writer.service.WriterMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether each tenant's writes may go to its CRM. A pause comes from the crm-writer itself (the CRM
 * refused the credentials: fail closed) or from an operator; only an operator resumes. Every
 * change is stored here first (it takes effect for this tenant's lane at its next drain) and then
 * announced on {@code control.tenant.v1} for the other services; states other surfaces publish
 * there arrive through {@link TenantControlConsumer}.
 */
@ApplicationScoped
public class TenantStates {

    private static final Logger LOG = Logger.getLogger(TenantStates.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private final TenantStateRepository repository;
    private final TenantControlPublisher publisher;
    private final WriterMetrics metrics;

    public TenantStates(TenantStateRepository repository, TenantControlPublisher publisher, WriterMetrics metrics) {
        this.repository = repository;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public boolean paused(String tenant) {
        return state(tenant).map(s -> s.state() == TenantControl.State.PAUSED).orElse(false);
    }

    public Optional<TenantControl> state(String tenant) {
        try {
            return repository.find(tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("tenant_state cannot be read", e);
        }
    }

    public List<TenantControl> all() {
        try {
            return repository.all();
        } catch (SQLException e) {
            throw new IllegalStateException("tenant_state cannot be read", e);
        }
    }

    /**
     * The CRM refused the tenant's credentials: nothing more is written for it until an operator
     * resumes it. Stored before it is announced, so the pause holds even if Kafka is down.
     */
    public TenantControl pauseForAuth(String tenant, String message) {
        return change(new TenantControl(tenant, TenantControl.State.PAUSED, TenantControl.REASON_AUTH, message,
                Instant.now(), "crm-writer"));
    }

    public TenantControl pause(String tenant, String message, String operator) {
        return change(new TenantControl(tenant, TenantControl.State.PAUSED, TenantControl.REASON_OPERATOR, message,
                Instant.now(), operator));
    }

    public TenantControl resume(String tenant, String message, String operator) {
        return change(new TenantControl(tenant, TenantControl.State.ACTIVE, TenantControl.REASON_OPERATOR, message,
                Instant.now(), operator));
    }

    /** A state published on {@code control.tenant.v1} (by this or another instance, or another surface). */
    public void apply(TenantControl control) {
        try {
            repository.apply(control);
        } catch (SQLException e) {
            throw new IllegalStateException("tenant_state cannot be written", e);
        }
        metrics.tenantState(control);
    }

    private TenantControl change(TenantControl control) {
        apply(control);
        LOG.warnf("tenant %s is %s (%s, by %s)", control.tenant(), control.state(), control.reason(),
                control.changedBy());
        try {
            publisher.publish(control, PUBLISH_TIMEOUT);
        } catch (RuntimeException e) {
            // The state holds here already; other services learn it when Kafka takes it again.
            LOG.errorf("tenant %s: announcing the state on control.tenant.v1 failed: %s", control.tenant(), e.toString());
        }
        return control;
    }
}
