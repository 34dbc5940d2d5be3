package io.crmsync.sandbox.crm.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the {@code GET /_sandbox/stats} document from every account's counters. */
@ApplicationScoped
public class StatsReporter {

    private final AccountRegistry registry;

    public StatsReporter(AccountRegistry registry) {
        this.registry = registry;
    }

    public SandboxStats report() {
        Map<String, AccountStats> accounts = new LinkedHashMap<>();
        for (AccountState state : registry.all()) {
            accounts.put(state.name(), new AccountStats(
                    state.stats().view(), state.recordCounts(), state.automationsFired()));
        }
        return new SandboxStats(accounts);
    }

    public record SandboxStats(Map<String, AccountStats> accounts) {
    }

    /** @param records record count per HubSpot object type or Salesforce sObject */
    public record AccountStats(RequestStats.View requests, Map<String, Integer> records, long automationsFired) {
    }
}
