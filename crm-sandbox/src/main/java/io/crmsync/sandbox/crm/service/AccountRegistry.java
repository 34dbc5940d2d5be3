package io.crmsync.sandbox.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** All accounts, created on first use; {@link #reset()} forgets them (records, stats and faults). */
@ApplicationScoped
public class AccountRegistry {

    private final ConcurrentMap<String, AccountState> accounts = new ConcurrentHashMap<>();
    private final RateBudget hubspotBudget;

    public AccountRegistry(
            @ConfigProperty(name = "sandbox.hubspot.rate-limit.requests", defaultValue = "190") int hubspotRequests,
            @ConfigProperty(name = "sandbox.hubspot.rate-limit.window", defaultValue = "10s") Duration hubspotWindow) {
        this.hubspotBudget = new RateBudget(hubspotRequests, hubspotWindow);
    }

    public AccountState account(String name) {
        return accounts.computeIfAbsent(name, n -> new AccountState(n, hubspotBudget));
    }

    /** Looks an account up without creating it (inspection must not invent accounts). */
    public Optional<AccountState> find(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    public List<AccountState> all() {
        return accounts.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    public void reset() {
        accounts.clear();
    }
}
