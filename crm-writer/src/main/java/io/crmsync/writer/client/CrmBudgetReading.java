package io.crmsync.writer.client;

import java.time.Duration;

/**
 * What one CRM response said about the account's request budget. Each CRM states a part of it:
 * HubSpot the rolling window ({@code X-HubSpot-RateLimit-Max}, {@code -Remaining},
 * {@code -Interval-Milliseconds}) and {@code Retry-After} on a 429; Salesforce the daily usage
 * ({@code Sforce-Limit-Info: api-usage=used/limit}). Absent parts are null.
 */
public record CrmBudgetReading(Integer windowMax, Integer windowRemaining, Duration window, Long dailyUsed,
                               Long dailyLimit, Duration retryAfter) {

    public static CrmBudgetReading window(Integer max, Integer remaining, Duration window, Duration retryAfter) {
        return new CrmBudgetReading(max, remaining, window, null, null, retryAfter);
    }

    public static CrmBudgetReading daily(Long used, Long limit) {
        return new CrmBudgetReading(null, null, null, used, limit, null);
    }
}
