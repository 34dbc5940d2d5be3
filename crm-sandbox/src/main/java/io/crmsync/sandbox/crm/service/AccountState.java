package io.crmsync.sandbox.crm.service;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything the sandbox knows about one CRM account. Records of both CRMs live behind one
 * per-account lock, so concurrent batches for different accounts never wait on each other while
 * batches for the same account apply one after the other, as atomically as the real CRMs do.
 */
public final class AccountState {

    /** Salesforce's default daily API request allocation shown in {@code Sforce-Limit-Info}. */
    public static final long SALESFORCE_DAILY_API_LIMIT = 100_000;

    private final String name;
    private final RateBudget hubspotBudget;
    private final ReentrantLock lock = new ReentrantLock();
    private final HubSpotStore hubspot = new HubSpotStore();
    private final SalesforceStore salesforce = new SalesforceStore();
    private final RequestStats stats = new RequestStats();
    private final AtomicLong automationsFired = new AtomicLong();
    private final AtomicLong salesforceApiUsage = new AtomicLong();
    /** Fault and the limiters that go with it change together, so they are swapped as one value. */
    private volatile FaultState faultState;

    AccountState(String name, RateBudget hubspotBudget) {
        this.name = name;
        this.hubspotBudget = hubspotBudget;
        this.faultState = FaultState.of(Fault.NONE, hubspotBudget);
    }

    public String name() {
        return name;
    }

    /** Runs {@code action} holding this account's lock. */
    public <T> T withLock(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    HubSpotStore hubspot() {
        requireLock();
        return hubspot;
    }

    SalesforceStore salesforce() {
        requireLock();
        return salesforce;
    }

    public RequestStats stats() {
        return stats;
    }

    public void automationFired() {
        automationsFired.incrementAndGet();
    }

    public long automationsFired() {
        return automationsFired.get();
    }

    public long salesforceApiUsage() {
        return salesforceApiUsage.get();
    }

    public Fault fault() {
        return faultState.fault();
    }

    /** Replaces the fault; every change also starts fresh rate-limit windows so each scenario starts clean. */
    public void applyFault(Fault fault) {
        faultState = FaultState.of(fault, hubspotBudget);
    }

    /**
     * Spends one request of the budget in force: the rate-limit fault's when set, otherwise
     * HubSpot's rolling ten-second budget or Salesforce's daily allocation.
     */
    public LimitDecision admit(Crm crm) {
        FaultState state = faultState;
        if (state.faultLimiter() != null) {
            LimitDecision decision = state.faultLimiter().tryAcquire();
            if (decision.allowed() && crm == Crm.SALESFORCE) {
                salesforceApiUsage.incrementAndGet();
            }
            return decision;
        }
        if (crm == Crm.HUBSPOT) {
            return state.hubspotLimiter().tryAcquire();
        }
        long used = salesforceApiUsage.incrementAndGet();
        if (used > SALESFORCE_DAILY_API_LIMIT) {
            salesforceApiUsage.decrementAndGet();
            return new LimitDecision(false, (int) SALESFORCE_DAILY_API_LIMIT, 0, Duration.ofDays(1).toMillis(), 3600);
        }
        return new LimitDecision(true, (int) SALESFORCE_DAILY_API_LIMIT,
                (int) (SALESFORCE_DAILY_API_LIMIT - used), Duration.ofDays(1).toMillis(), 0);
    }

    /** The budget numbers without spending a request (for 401/503 answers that still carry headers). */
    public LimitDecision peek(Crm crm) {
        FaultState state = faultState;
        if (state.faultLimiter() != null) {
            return state.faultLimiter().peek();
        }
        if (crm == Crm.HUBSPOT) {
            return state.hubspotLimiter().peek();
        }
        long used = salesforceApiUsage.get();
        return new LimitDecision(true, (int) SALESFORCE_DAILY_API_LIMIT,
                (int) Math.max(0, SALESFORCE_DAILY_API_LIMIT - used), Duration.ofDays(1).toMillis(), 0);
    }

    /** Record counts of both CRMs, keyed by HubSpot object type or Salesforce sObject name. */
    public Map<String, Integer> recordCounts() {
        return withLock(() -> {
            Map<String, Integer> counts = new TreeMap<>(hubspot.counts());
            counts.putAll(salesforce.counts());
            return counts;
        });
    }

    private void requireLock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("account " + name + " accessed without its lock");
        }
    }

    private record FaultState(Fault fault, RollingWindowLimiter hubspotLimiter, RollingWindowLimiter faultLimiter) {

        static FaultState of(Fault fault, RateBudget hubspotBudget) {
            RollingWindowLimiter faultLimiter = fault.mode() == FaultMode.RATE_LIMIT
                    ? new RollingWindowLimiter(new RateBudget(fault.requests(), Duration.ofSeconds(fault.perSeconds())))
                    : null;
            return new FaultState(fault, new RollingWindowLimiter(hubspotBudget), faultLimiter);
        }
    }
}
