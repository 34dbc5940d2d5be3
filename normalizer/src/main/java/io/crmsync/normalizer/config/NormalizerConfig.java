package io.crmsync.normalizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the normalizer ({@code crmsync.normalizer.*}). */
@ConfigMapping(prefix = "crmsync.normalizer")
public interface NormalizerConfig {

    /**
     * CloudEvents {@code ce_source} of the normalized events, before the store id: with the
     * default an event about store {@code acme-shopify} has source {@code /normalizer/acme-shopify}.
     */
    @WithDefault("/normalizer")
    String eventSource();
}
