package io.crmsync.normalizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;
import java.util.Set;

/** Settings of the normalizer ({@code crmsync.normalizer.*}). */
@ConfigMapping(prefix = "crmsync.normalizer")
public interface NormalizerConfig {

    /**
     * CloudEvents {@code ce_source} of the normalized events, before the store id: with the
     * default an event about store {@code acme-shopify} has source {@code /normalizer/acme-shopify}.
     */
    @WithDefault("/normalizer")
    String eventSource();

    /**
     * Fetch-back: which records are mapped from the object read back from the store's admin API
     * instead of the payload they carry. BigCommerce always (its webhooks are thin); the others
     * only for the topics listed here.
     */
    FetchBack fetchBack();

    interface FetchBack {

        /** Shopify topics ({@code orders/updated}, ...) whose records are fetched back; none by default (Shopify webhooks carry the full resource). */
        PlatformTopics shopify();

        /** WooCommerce topics ({@code order.updated}, ...) whose records are fetched back; none by default. */
        PlatformTopics woocommerce();

        /** Adobe Commerce has no admin API reader (its events carry the full entity): listing topics here stops the service at startup. */
        PlatformTopics adobeCommerce();
    }

    interface PlatformTopics {

        /** The platform's topic names, exactly as the records carry them. */
        Optional<Set<String>> topics();
    }
}
