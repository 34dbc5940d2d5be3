package io.crmsync.writer.client;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Sforce-Limit-Info}, which Salesforce puts on every REST answer:
 * {@code api-usage=18/5000}, possibly followed by other entries
 * ({@code , per-app-api-usage=17/250(appName=sample-app)}). Only the org-wide daily usage counts
 * for the writer's budget.
 */
public final class SalesforceLimitInfo {

    public static final String HEADER = "Sforce-Limit-Info";

    private static final Pattern API_USAGE = Pattern.compile("(?:^|[\\s,;])api-usage=(\\d+)/(\\d+)");

    private SalesforceLimitInfo() {
    }

    /** The daily reading; empty when the header is absent or has no {@code api-usage} entry. */
    public static Optional<CrmBudgetReading> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = API_USAGE.matcher(header.trim());
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CrmBudgetReading.daily(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
        } catch (NumberFormatException e) {
            // Digits beyond a long: not a reading anyone can act on.
            return Optional.empty();
        }
    }
}
