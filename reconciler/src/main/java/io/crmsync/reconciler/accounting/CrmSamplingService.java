package io.crmsync.reconciler.accounting;

import io.crmsync.commons.tenant.CrmAccount;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.reconciler.accounting.SourceObjectStateRepository.Mismatch;
import io.crmsync.reconciler.client.CrmRecordReader;
import io.crmsync.reconciler.control.TenantPauses;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads a sample of settled objects back from each tenant's CRM, least recently checked first: an
 * order's deal / opportunity by its order ref, a customer's contact by its CRM id. A record the CRM
 * does not hold re-opens its object as {@code crm-missing} (then repaired like any mismatch). Polite:
 * at most {@code sample-size} objects and one request per object type per tenant per round, a 429
 * ends that tenant's round. Dry-run tenants are never sampled (nothing is written there), nor paused
 * ones (the crm-writer holds their writes; a pause for {@code auth} means the CRM refused the credentials).
 */
@ApplicationScoped
public class CrmSamplingService {

    public static final String PRESENT = "present";
    public static final String MISSING = "missing";
    public static final String ERROR = "error";

    private static final Logger LOG = Logger.getLogger(CrmSamplingService.class);

    private final SourceObjectStateRepository repository;
    private final Tenants tenants;
    private final CrmRecordReader reader;
    private final AccountingConfig config;
    private final MeterRegistry registry;
    private final TenantPauses pauses;

    public CrmSamplingService(SourceObjectStateRepository repository, Tenants tenants, CrmRecordReader reader,
                              AccountingConfig config, MeterRegistry registry, TenantPauses pauses) {
        this.repository = repository;
        this.tenants = tenants;
        this.reader = reader;
        this.config = config;
        this.registry = registry;
        this.pauses = pauses;
    }

    /** What one round found for one tenant. */
    public record CheckRound(String tenant, int present, int missing, int errors, String skipped) {
    }

    public void checkAll() {
        for (Tenant tenant : tenants.all()) {
            if (pauses.paused(tenant.id())) {
                continue;
            }
            try {
                check(tenant.id());
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("CRM records of tenant %s not sampled: %s", tenant.id(), e.toString());
            }
        }
    }

    /** @throws TenantPauses.TenantPaused when the tenant is paused (its CRM is not read) */
    public CheckRound check(String tenantId) throws SQLException {
        Tenant tenant = tenants.tenant(tenantId).orElseThrow(() -> new IllegalArgumentException("unknown tenant " + tenantId));
        pauses.requireActive(tenant.id());
        CrmAccount account = tenant.crm();
        if (account == null || account.dryRun()) {
            return new CheckRound(tenant.id(), 0, 0, 0, "dry-run");
        }
        List<Mismatch> sample = repository.sampleForCrmCheck(tenant.id(),
                Math.min(config.crmCheck().sampleSize(), CrmRecordReader.MAX_REFS));
        int[] counts = new int[3];
        try {
            check(tenant, sample, "order", m -> m.key().storeId() + ":" + m.key().objectId(),
                    (a, refs) -> reader.presentOrders(a, refs), counts);
            check(tenant, sample, "customer", m -> m.state().crmId(), (a, ids) -> reader.presentContacts(a, ids), counts);
        } catch (CrmRecordReader.CrmRateLimited e) {
            LOG.infof("CRM of tenant %s rate-limited the sampled reads; next round continues", tenant.id());
            return new CheckRound(tenant.id(), counts[0], counts[1], counts[2], "rate-limited");
        }
        return new CheckRound(tenant.id(), counts[0], counts[1], counts[2], null);
    }

    private void check(Tenant tenant, List<Mismatch> sample, String objectType, Function<Mismatch, String> ref,
                       BiFunction<CrmAccount, List<String>, Set<String>> present, int[] counts) throws SQLException {
        List<Mismatch> ofType = sample.stream().filter(m -> objectType.equals(m.key().objectType())).toList();
        if (ofType.isEmpty()) {
            return;
        }
        Set<String> found;
        try {
            found = present.apply(tenant.crm(), ofType.stream().map(ref).distinct().toList());
        } catch (CrmRecordReader.CrmReadFailed e) {
            LOG.warnf("sampled %s reads of tenant %s failed: %s", objectType, tenant.id(), e.getMessage());
            counts[2] += ofType.size();
            count(tenant.id(), ERROR, ofType.size());
            return;
        }
        Instant now = Instant.now();
        for (Mismatch m : ofType) {
            boolean isPresent = found.contains(ref.apply(m));
            // Under the row lock: an object re-opened meanwhile keeps its reason.
            repository.apply(m.key(), m::state, s -> isPresent ? s.crmPresent(now) : s.awaiting() ? s : s.crmMissing(now));
            if (isPresent) {
                counts[0]++;
            } else {
                counts[1]++;
                LOG.warnf("%s %s %s of tenant %s settled but missing from the CRM; re-opened", m.key().storeId(),
                        objectType, m.key().objectId(), tenant.id());
            }
            count(tenant.id(), isPresent ? PRESENT : MISSING, 1);
        }
    }

    private void count(String tenant, String outcome, int n) {
        registry.counter("crmsync.reconcile.crm.checks", "tenant", tenant, "outcome", outcome).increment(n);
    }
}
