package io.crmsync.writer.control;

import io.crmsync.commons.messaging.DatabaseOutage;
import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.control.TenantControl;
import io.crmsync.writer.lane.WriteLanes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies the tenant states published on {@code control.tenant.v1}, from this writer's own admin
 * API, another instance or any other admin surface. A resumed tenant's lane is woken at once.
 */
@ApplicationScoped
public class TenantControlConsumer {

    public static final String CHANNEL = "tenant-control";

    private static final Logger LOG = Logger.getLogger(TenantControlConsumer.class);

    private final EventCodec codec;
    private final TenantStates states;
    private final WriteLanes lanes;

    public TenantControlConsumer(EventCodec codec, TenantStates states, WriteLanes lanes) {
        this.codec = codec;
        this.states = states;
        this.lanes = lanes;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(byte[] value) {
        TenantControl control;
        try {
            control = codec.decode(EventType.TENANT_CONTROL, value);
        } catch (ContractViolationException e) {
            // A record we cannot read changes nothing; the latest valid state per tenant stands.
            LOG.warnf("control.tenant.v1 record ignored: %s", e.getMessage());
            return;
        }
        try {
            // An unreachable database is waited out: failing the record would stop this channel for good.
            DatabaseOutage.waitOut("control of tenant " + control.tenant(), () -> states.apply(control));
        } catch (InterruptedException e) {
            // Shutting down: failing the record leaves its offset uncommitted, so it is read again.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
        if (control.state() == TenantControl.State.ACTIVE) {
            lanes.wake(control.tenant());
        }
    }
}
