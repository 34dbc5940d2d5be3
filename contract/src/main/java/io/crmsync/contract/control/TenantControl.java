package io.crmsync.contract.control;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * Event on the compacted {@code control.tenant.v1} topic, keyed by tenant: the tenant's sync state
 * from now on. The latest event per tenant is the state, so a service that starts reads the topic
 * from the beginning and knows every tenant's state.
 *
 * @param reason    why: {@code auth} (the CRM refused the credentials, set by the crm-writer) or
 *                  {@code operator} (set through an admin API)
 * @param message   for the operator; never holds a secret or personal data
 * @param changedBy the service or the operator's subject that changed it
 */
public record TenantControl(
        String tenant,
        State state,
        String reason,
        String message,
        Instant changedAt,
        String changedBy) {

    public static final String REASON_AUTH = "auth";
    public static final String REASON_OPERATOR = "operator";

    /** {@code paused}: nothing is written to the tenant's CRM; commands wait, none is lost. */
    public enum State {
        @JsonProperty("active") ACTIVE,
        @JsonProperty("paused") PAUSED
    }

    public String kafkaKey() {
        return tenant;
    }
}
