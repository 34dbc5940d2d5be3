package io.crmsync.reconciler.accounting;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs the accounting's repair round every {@code refresh} (when {@code repair.enabled}) and the
 * sampled CRM reads every {@code crm-check.interval} ({@code off} disables them); a round still
 * running skips the next tick.
 */
@ApplicationScoped
public class AccountingScheduler {

    private final MismatchRepairService repairs;
    private final CrmSamplingService sampling;
    private final AccountingConfig config;

    public AccountingScheduler(MismatchRepairService repairs, CrmSamplingService sampling, AccountingConfig config) {
        this.repairs = repairs;
        this.sampling = sampling;
        this.config = config;
    }

    @Scheduled(identity = "reconciler-repair", every = "${crmsync.reconciler.accounting.refresh}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void repair() {
        if (config.repair().enabled()) {
            repairs.repairAll();
        }
    }

    @Scheduled(identity = "reconciler-crm-check", every = "${crmsync.reconciler.accounting.crm-check.interval}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sampleCrm() {
        sampling.checkAll();
    }
}
