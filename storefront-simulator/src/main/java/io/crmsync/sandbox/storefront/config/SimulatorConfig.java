package io.crmsync.sandbox.storefront.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Typed settings of the storefront simulator ({@code crmsync.simulator.*}). */
@ConfigMapping(prefix = "crmsync.simulator")
public interface SimulatorConfig {

    /** Base URL of webhook-ingress; webhooks go to {@code {ingress-url}/webhooks/{platform}/{storeId}}. */
    @WithDefault("http://localhost:8080")
    String ingressUrl();

    /** How webhooks are delivered. */
    Delivery delivery();

    /** Shopify's admin API behaviour. */
    Shopify shopify();

    /** WooCommerce's REST API behaviour. */
    WooCommerce woocommerce();

    /** BigCommerce's REST API behaviour. */
    BigCommerce bigcommerce();

    interface Delivery {

        /** A delivery that takes longer is a failure, as Shopify counts it (5 s). */
        @WithDefault("5s")
        Duration timeout();

        /**
         * Waits before each retry of a failed delivery (Shopify and BigCommerce retry, WooCommerce
         * never does). The platforms back off over hours; a simulator keeps it short.
         */
        @WithDefault("1s,2s,4s")
        List<Duration> retryDelays();

        /** Most recent delivery attempts kept for {@code GET /_sim/deliveries}. */
        @WithDefault("10000")
        int logSize();
    }

    interface Shopify {

        /** Value of {@code X-Shopify-API-Version} on webhooks. */
        @WithDefault("2024-04")
        String apiVersion();

        /** Leaky bucket size of the REST admin API per store (standard plan: 40). */
        @WithDefault("40")
        int bucketSize();

        /** Requests the bucket leaks per second (standard plan: 2). */
        @WithDefault("2")
        double leakPerSecond();

        /** The shop's time zone: Shopify writes timestamps with the shop's offset. */
        @WithDefault("America/New_York")
        String timezone();
    }

    interface WooCommerce {

        /** The WordPress site's time zone: {@code date_modified} is site-local, {@code date_modified_gmt} UTC. */
        @WithDefault("Europe/Berlin")
        String timezone();
    }

    interface BigCommerce {

        /** Requests per window of a store's shared quota (Standard/Plus plans: 150 per 30 s). */
        @WithDefault("150")
        int quota();

        /** Length of the quota window. */
        @WithDefault("30s")
        Duration window();
    }
}
