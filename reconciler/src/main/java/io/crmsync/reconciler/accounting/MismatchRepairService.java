package io.crmsync.reconciler.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.reconciler.accounting.SourceObjectStateRepository.Mismatch;
import io.crmsync.reconciler.accounting.SourceObjectStateRepository.ObjectKey;
import io.crmsync.reconciler.client.SourceVersions;
import io.crmsync.reconciler.control.TenantPauses;
import io.crmsync.reconciler.replay.ReplayService;
import io.crmsync.sourceapi.SourceApiException;
import io.crmsync.sourceapi.SourceObjectNotFoundException;
import io.crmsync.sourceapi.SourceObjectReader;
import io.crmsync.sourceapi.SourceObjects;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Repairs mismatches by replaying the one object from its store ({@link ReplayService}, origin
 * {@code replay}): at most {@code max-attempts} times per object, attempt n waiting
 * {@code spacing × 2^n} after the one before, at most {@code max-per-tenant} objects per tenant per
 * round. Where source-api has a reader for the platform the object is read first: a 404 records it
 * as gone (never retried), and its modification time bounds the replay's listing. A store that
 * fails a read is left alone for the rest of the round. A paused tenant is not repaired: the
 * crm-writer holds its writes on purpose ({@link TenantPauses}).
 */
@ApplicationScoped
public class MismatchRepairService {

    public static final String REPLAYED = "replayed";
    public static final String NOT_LISTED = "not-listed";
    public static final String FAILED = "failed";
    public static final String GONE = "gone";
    public static final String EXHAUSTED = "exhausted";

    private static final Logger LOG = Logger.getLogger(MismatchRepairService.class);
    private static final String REQUESTED_BY = "reconciler-repair";

    private final SourceObjectStateRepository repository;
    private final Tenants tenants;
    private final SourceObjects sourceObjects;
    private final ReplayService replays;
    private final AccountingConfig config;
    private final MeterRegistry registry;
    private final TenantPauses pauses;

    public MismatchRepairService(SourceObjectStateRepository repository, Tenants tenants, SourceObjects sourceObjects,
                                 ReplayService replays, AccountingConfig config, MeterRegistry registry,
                                 TenantPauses pauses) {
        this.repository = repository;
        this.tenants = tenants;
        this.sourceObjects = sourceObjects;
        this.replays = replays;
        this.config = config;
        this.registry = registry;
        this.pauses = pauses;
    }

    /** What one repair did to one object. */
    public record Repair(String storeId, String objectType, String objectId, String reason, String outcome) {
    }

    /**
     * One round over every tenant of the registry, except those paused or resumed within the grace
     * period (what the crm-writer held drains first; replaying it now would write it twice).
     */
    public void repairAll() {
        Instant now = Instant.now();
        for (Tenant tenant : tenants.all()) {
            if (pauses.holdsRepairs(tenant.id(), now, config.grace())) {
                continue;
            }
            try {
                repair(tenant.id());
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("mismatches of tenant %s not repaired: %s", tenant.id(), e.toString());
            }
        }
    }

    /**
     * One round for one tenant: marks what is exhausted, replays what is due.
     *
     * @throws TenantPauses.TenantPaused when the tenant is paused (nothing is attempted or counted)
     */
    public List<Repair> repair(String tenantId) throws SQLException {
        Tenant tenant = tenants.tenant(tenantId).orElseThrow(() -> new IllegalArgumentException("unknown tenant " + tenantId));
        pauses.requireActive(tenant.id());
        Instant now = Instant.now();
        Instant receivedBefore = now.minus(config.grace());
        Duration spacing = config.repair().spacing().orElse(config.grace());
        int exhausted = repository.markExhausted(tenant.id(), receivedBefore, now, spacing, config.repair().maxAttempts());
        if (exhausted > 0) {
            count(tenant.id(), EXHAUSTED, exhausted);
            LOG.warnf("%d mismatches of tenant %s stay open after %d repair attempts", exhausted, tenant.id(),
                    config.repair().maxAttempts());
        }
        List<Repair> repairs = new ArrayList<>();
        Set<String> failedStores = new HashSet<>();
        for (Mismatch mismatch : repository.dueForRepair(tenant.id(), receivedBefore, now, spacing,
                config.repair().maxAttempts(), config.repair().maxPerTenant())) {
            ObjectKey key = mismatch.key();
            if (failedStores.contains(key.storeId())) {
                continue;
            }
            String outcome = repairOne(tenant, mismatch);
            if (FAILED.equals(outcome)) {
                failedStores.add(key.storeId());
            }
            repository.recordRepair(key, Instant.now(), outcome);
            count(tenant.id(), outcome, 1);
            repairs.add(new Repair(key.storeId(), key.objectType(), key.objectId(), mismatch.state().reason(), outcome));
        }
        return repairs;
    }

    private String repairOne(Tenant tenant, Mismatch mismatch) {
        ObjectKey key = mismatch.key();
        Optional<Store> store = tenant.store(key.storeId());
        if (store.isEmpty()) {
            LOG.warnf("mismatch of %s %s %s: the store is no longer in the registry", tenant.id(), key.storeId(), key.objectType());
            return FAILED;
        }
        Optional<JsonNode> current;
        try {
            current = read(store.get(), key);
        } catch (SourceObjectNotFoundException e) {
            LOG.infof("%s %s %s no longer exists at the store; not repaired", key.storeId(), key.objectType(), key.objectId());
            return GONE;
        } catch (SourceApiException | TimeoutException | IllegalArgumentException e) {
            LOG.warnf("repair of %s %s %s: store read failed: %s", key.storeId(), key.objectType(), key.objectId(),
                    e.getMessage());
            return FAILED;
        }
        Instant from = current.flatMap(o -> SourceVersions.modifiedAt(key.platform(), o))
                .or(() -> Optional.ofNullable(mismatch.state().receivedVersion()))
                .or(() -> Optional.ofNullable(mismatch.state().settledVersion()))
                .orElse(tenant.liveSince().atStartOfDay().toInstant(ZoneOffset.UTC))
                .minusSeconds(1);
        try {
            ReplayService.ReplayResult result = replays.replay(new ReplayService.ReplayRequest(tenant.id(), key.storeId(),
                    key.objectType(), key.objectId(), from, null), REQUESTED_BY);
            if (result.published() > 0) {
                return REPLAYED;
            }
            if (!result.failures().isEmpty()) {
                LOG.warnf("repair of %s %s %s: %s", key.storeId(), key.objectType(), key.objectId(), result.failures());
                return FAILED;
            }
            return NOT_LISTED;
        } catch (ReplayService.ReplayRefused e) {
            LOG.warnf("repair of %s %s %s refused: %s", key.storeId(), key.objectType(), key.objectId(), e.getMessage());
            return FAILED;
        }
    }

    /** The object as the store has it now, where source-api can read one; empty where it cannot. */
    private Optional<JsonNode> read(Store store, ObjectKey key) {
        Optional<SourceObjectReader> reader = sourceObjects.reader(store.platform());
        if (reader.isEmpty() || !reader.get().objectTypes().contains(key.objectType())) {
            return Optional.empty();
        }
        return Optional.of(sourceObjects.read(store, key.objectType(), key.objectId(), null));
    }

    private void count(String tenant, String outcome, int n) {
        registry.counter("crmsync.reconcile.repairs", "tenant", tenant, "outcome", outcome).increment(n);
    }
}
