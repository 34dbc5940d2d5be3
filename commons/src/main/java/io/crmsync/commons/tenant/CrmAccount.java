package io.crmsync.commons.tenant;

import java.util.Map;

/**
 * A tenant's CRM account.
 *
 * @param account     the account's name (HubSpot portal / Salesforce org) as the CRM knows it
 * @param baseUrl     API base URL (HubSpot API host, Salesforce instance URL)
 * @param credentials credential name to value, secrets already resolved
 * @param rateLimit   the plan's request budget
 * @param fieldOwnership who owns each CRM field and how commerce changes reach it
 * @param dryRun    shadow mode for pilots: the crm-writer computes and audits every write and sends none
 */
public record CrmAccount(CrmKind kind, String account, String baseUrl, Map<String, String> credentials,
                         RateLimit rateLimit, FieldOwnership fieldOwnership, boolean dryRun) {

    /** A live account whose fields all follow the default rules ({@link FieldOwnership#DEFAULTS}). */
    public CrmAccount(CrmKind kind, String account, String baseUrl, Map<String, String> credentials,
                      RateLimit rateLimit) {
        this(kind, account, baseUrl, credentials, rateLimit, FieldOwnership.DEFAULTS, false);
    }

    @Override
    public String toString() {
        return "CrmAccount[" + kind + " " + account + " " + baseUrl + (dryRun ? " dry-run" : "") + "]";
    }
}
