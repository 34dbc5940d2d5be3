package io.crmsync.reconciler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the reconciler reads Adobe Commerce stores' REST API ({@code /rest/V1}, searchCriteria). */
@ConfigMapping(prefix = "crmsync.reconciler.adobe-commerce")
public interface AdobeCommerceConfig {

    /** {@code searchCriteria[pageSize]}: objects per page. */
    @WithDefault("100")
    int pageSize();

    /** Milliseconds to wait for a connection to a store's REST API. */
    @WithDefault("5000")
    long connectTimeoutMillis();

    /** Milliseconds to wait for one page. */
    @WithDefault("30000")
    long readTimeoutMillis();

    /** How many {@code 429} answers in a row one page request may get before the store's poll fails. */
    @WithDefault("5")
    int maxRateLimitRetries();

    /** Upper bound on one {@code Retry-After} wait, so a broken header cannot stall a cycle. */
    @WithDefault("60s")
    Duration maxRetryAfter();
}
