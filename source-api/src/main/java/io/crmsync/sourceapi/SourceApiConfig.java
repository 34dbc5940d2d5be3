package io.crmsync.sourceapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of the admin API clients ({@code crmsync.source-api.*}). Retries and the per-attempt
 * timeout are MicroProfile Fault Tolerance settings of {@code SourceObjects/read} (see the module
 * README); the per-store circuit breaker is configured here because it is built per store.
 */
@ConfigMapping(prefix = "crmsync.source-api")
public interface SourceApiConfig {

    /** TCP connect timeout of one call. */
    @WithDefault("5000")
    int connectTimeoutMillis();

    /** Read timeout of one call: a slower answer is a {@link SourceUnavailableException}. */
    @WithDefault("10000")
    int readTimeoutMillis();

    /**
     * Longest a call waits for its store's pacing (a full Shopify bucket, a spent BigCommerce
     * window, a 429's {@code Retry-After}) before it goes ahead anyway; bounds the time a record
     * can spend waiting for one store.
     */
    @WithDefault("10s")
    Duration maxRateLimitWait();

    Shopify shopify();

    Bigcommerce bigcommerce();

    CircuitBreaker circuitBreaker();

    interface Shopify {

        /** Admin REST API version in {@code admin/api/{version}/…}. */
        @WithDefault("2024-04")
        String apiVersion();

        /** Calls kept free in the store's leaky bucket (header {@code X-Shopify-Shop-Api-Call-Limit}). */
        @WithDefault("4")
        int callLimitHeadroom();

        /** How fast the bucket leaks (2 per second on standard plans, 20 on Plus). */
        @WithDefault("2")
        double callLimitLeakPerSecond();
    }

    interface Bigcommerce {

        /** Requests kept in the store's window ({@code X-Rate-Limit-Requests-Left}) before pausing until it resets. */
        @WithDefault("5")
        int requestsHeadroom();
    }

    /**
     * One breaker per store: failures of one store never stop the calls to another. Only
     * {@link SourceUnavailableException}s other than 429s count as failures.
     */
    interface CircuitBreaker {

        /** Calls in the rolling window the failure ratio is computed over. */
        @WithDefault("10")
        int requestVolumeThreshold();

        /** Share of failed calls in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses calls before letting a trial call through. */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls that close a half-open breaker. */
        @WithDefault("1")
        int successThreshold();
    }
}
