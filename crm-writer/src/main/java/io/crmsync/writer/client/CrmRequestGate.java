package io.crmsync.writer.client;

import io.crmsync.commons.tenant.CrmAccount;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every request to a CRM passes here: {@link #admit} before it is sent (waits until the account's
 * budget allows one more), {@link #observe} with what the answer said about the budget.
 */
@ApplicationScoped
public class CrmRequestGate {

    /** Blocks until the account's budget admits one more request. */
    public void admit(String tenant, CrmAccount account) {
    }

    /** What a response (of any status) said about the account's budget. */
    public void observe(String tenant, CrmAccount account, CrmBudgetReading reading) {
    }
}
