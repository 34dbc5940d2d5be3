package io.crmsync.reconciler.control;

import io.crmsync.contract.control.TenantControl;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@code control.tenant.v1} state of each tenant, in memory: the compacted topic is read
 * from its beginning at every start ({@link TenantControlConsumer}), so no table is needed. A tenant
 * with no state is active. While a tenant is paused the crm-writer holds its CRM writes on purpose,
 * so the accounting neither repairs nor samples it (an unsettled object is waiting, not lost).
 */
@ApplicationScoped
public class TenantPauses {

    private static final Logger LOG = Logger.getLogger(TenantPauses.class);

    private final Map<String, TenantControl> states = new ConcurrentHashMap<>();

    /** An operator round asked for a paused tenant. */
    public static final class TenantPaused extends RuntimeException {

        public TenantPaused(TenantControl control) {
            super("tenant " + control.tenant() + " is paused (" + control.reason() + ", by " + control.changedBy()
                    + " at " + control.changedAt() + "): the crm-writer holds its CRM writes until it is resumed, "
                    + "so its mismatches are waiting, not lost; nothing is repaired or read from its CRM meanwhile");
        }
    }

    /** Applies a state unless a newer one of the tenant is already known; logs each change. */
    public void apply(TenantControl control) {
        TenantControl before = states.get(control.tenant());
        TenantControl after = states.merge(control.tenant(), control,
                (held, offered) -> offered.changedAt().isBefore(held.changedAt()) ? held : offered);
        if (after == control && (before == null || before.state() != control.state())) {
            LOG.infof("tenant %s is %s (%s, by %s at %s)", control.tenant(), wire(control.state()), control.reason(),
                    control.changedBy(), control.changedAt());
        }
    }

    /** The tenant's state was deleted (a tombstone on the compacted topic): active from now on. */
    public void forget(String tenant) {
        if (states.remove(tenant) != null) {
            LOG.infof("tenant %s has no control state any more (tombstone): active", tenant);
        }
    }

    /** The pause in force for the tenant, if any. */
    public Optional<TenantControl> pause(String tenant) {
        return Optional.ofNullable(states.get(tenant)).filter(c -> c.state() == TenantControl.State.PAUSED);
    }

    public boolean paused(String tenant) {
        return pause(tenant).isPresent();
    }

    /**
     * Automatic repair leaves the tenant alone: paused, or resumed less than {@code settle} ago (the
     * writes the crm-writer held are still draining; replaying them now would write them twice).
     */
    public boolean holdsRepairs(String tenant, Instant now, Duration settle) {
        TenantControl control = states.get(tenant);
        return control != null && (control.state() == TenantControl.State.PAUSED
                || control.changedAt().plus(settle).isAfter(now));
    }

    /** Throws {@link TenantPaused} for a paused tenant. */
    public void requireActive(String tenant) {
        pause(tenant).ifPresent(control -> {
            throw new TenantPaused(control);
        });
    }

    private static String wire(TenantControl.State state) {
        return state == TenantControl.State.PAUSED ? "paused" : "active";
    }
}
