package io.crmsync.commons.tenant;

import java.util.Map;

/**
 * A tenant's CRM account.
 *
 * @param account     the account's name (HubSpot portal / Salesforce org) as the CRM knows it
 * @param baseUrl     API base URL (HubSpot API host, Salesforce instance URL)
 * @param credentials credential name to value, secrets already resolved
 * @param rateLimit   the plan's request budget
 */
public record CrmAccount(CrmKind kind, String account, String baseUrl, Map<String, String> credentials,
                         RateLimit rateLimit) {

    @Override
    public String toString() {
        return "CrmAccount[" + kind + " " + account + " " + baseUrl + "]";
    }
}
