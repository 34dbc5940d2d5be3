package io.crmsync.writer.client;

import java.time.Duration;

/** 429: the account's request budget is spent; not a failure, a wait. */
public class CrmRateLimitedException extends CrmCallException {

    private final Duration retryAfter;

    public CrmRateLimitedException(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfter = retryAfter;
    }

    /** What the CRM asked for; null when it named no usable {@code Retry-After}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String kind() {
        return "rate-limited";
    }
}
