package io.crmsync.reconciler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the reconciler polls the storefronts' admin APIs. */
@ConfigMapping(prefix = "crmsync.reconciler")
public interface ReconcilerConfig {

    /**
     * Time between two poll cycles, e.g. {@code 30s}; {@code off} disables the schedule (polls then
     * run only through {@code POST /admin/poll}). Read by the scheduler as
     * {@code ${crmsync.reconciler.poll-interval}}.
     */
    @WithDefault("30s")
    String pollInterval();

    /**
     * How far before its cursor a poll starts again, so that an object saved in the same instant
     * as the cursor's last one, or stamped by a platform clock running slightly behind, is not
     * missed. Objects read twice are harmless: the dedup-service suppresses them.
     */
    @WithDefault("60s")
    Duration overlap();

    /** How long a page of polled objects may take to be acknowledged by the broker. */
    @WithDefault("30s")
    Duration publishTimeout();

    /** How long a manual poll waits for a scheduled cycle that is already running. */
    @WithDefault("5m")
    Duration cycleLockTimeout();

    /** How many stores are polled at the same time in one cycle. */
    @WithDefault("4")
    int storeConcurrency();

    /**
     * How long a cycle waits for one store once its poll started; a store past it is reported as
     * failed (its cursor stays) and the cycle goes on without waiting for it.
     */
    @WithDefault("2m")
    Duration storeTimeBudget();

    /** The Shopify Admin REST API (calls go through source-api's {@code SourceCalls}; API version {@code crmsync.source-api.shopify.api-version}). */
    Listing shopify();

    /** The WooCommerce REST API v3 (calls go through source-api's {@code SourceCalls}). */
    Listing woocommerce();

    /** The BigCommerce v2/v3 APIs (calls go through source-api's {@code SourceCalls}). */
    Listing bigcommerce();

    /** The Adobe Commerce REST API's {@code searchCriteria} lists (calls go through source-api's {@code SourceCalls}). */
    Listing adobeCommerce();

    /** Listing settings of a platform whose HTTP calls, pacing and 429 waits are source-api's. */
    interface Listing {

        /**
         * Objects per page ({@code limit} / {@code per_page} / {@code searchCriteria[pageSize]}); Shopify
         * and BigCommerce allow 250, WooCommerce 100.
         */
        @WithDefault("100")
        int pageSize();

        /** How many {@code 429} answers in a row one page request may get before the store's poll fails. */
        @WithDefault("5")
        int maxRateLimitRetries();
    }
}
