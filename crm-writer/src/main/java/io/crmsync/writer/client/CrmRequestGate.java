package io.crmsync.writer.client;

import io.crmsync.commons.tenant.CrmAccount;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every request to a CRM passes here: {@link #admit} before it is sent waits until the account's
 * budget ({@link AccountBudget}, sized from the tenant's plan and adapted to what the CRM's answers
 * say) allows one more, so a backlog drains at the limit instead of turning into 429 storms;
 * {@link #observe} takes what each answer said. Budgets are per CRM account (kind and base URL):
 * tenants sharing an account share its budget. A lane waits here on its own thread only.
 */
@ApplicationScoped
public class CrmRequestGate {

    private final Map<String, AccountBudget> budgets = new ConcurrentHashMap<>();

    /** Blocks until the account's budget admits one more request. */
    public void admit(String tenant, CrmAccount account) {
        AccountBudget budget = budget(account);
        long wait;
        while ((wait = budget.reserve(System.nanoTime())) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrmUnavailableException("interrupted while waiting for the CRM's request budget", e);
            }
        }
    }

    /** What a response (of any status) said about the account's budget. */
    public void observe(String tenant, CrmAccount account, CrmBudgetReading reading) {
        budget(account).observe(reading, System.nanoTime());
    }

    private AccountBudget budget(CrmAccount account) {
        return budgets.computeIfAbsent(account.kind() + " " + account.baseUrl(), key -> new AccountBudget(
                account.rateLimit().requests(), Duration.ofSeconds(account.rateLimit().perSeconds()), System.nanoTime()));
    }
}
