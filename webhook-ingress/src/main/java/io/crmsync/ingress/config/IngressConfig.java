package io.crmsync.ingress.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;

/** How webhook-ingress accepts deliveries. */
@ConfigMapping(prefix = "crmsync.ingress")
public interface IngressConfig {

    /**
     * Largest body accepted; a larger one is answered 413 and never read further. The HTTP layer
     * enforces the same value ({@code quarkus.http.limits.max-body-size}), so chunked uploads
     * cannot bypass it.
     */
    @WithDefault("5M")
    MemorySize maxBodySize();

    /**
     * How long a request waits for the broker to acknowledge its event before it is answered 503
     * (the storefront then retries). The producer's own timeouts must end before this one.
     */
    @WithDefault("3s")
    Duration ackTimeout();

    /**
     * Standard Webhooks (BigCommerce): how far {@code webhook-timestamp} may lie from now, either
     * way, before a delivery is refused as a possible replay.
     */
    @WithDefault("5m")
    Duration timestampTolerance();

    /** Per-tenant admission quota, checked once a delivery is known to come from its store. */
    Quota quota();

    /** A token bucket per tenant: {@code rate} tokens a second, at most {@code burst} saved up. */
    interface Quota {

        /** Deliveries a second each tenant may make durable, sustained. */
        @WithDefault("200")
        double rate();

        /** Deliveries a tenant may send at once after a quiet spell (the bucket's size). */
        @WithDefault("400")
        double burst();

        /** Overrides by tenant id: {@code crmsync.ingress.quota.tenants.<tenant>.rate|burst}. */
        Map<String, TenantQuota> tenants();
    }

    /** One tenant's override; an absent value falls back to the default. */
    interface TenantQuota {

        /** Sustained deliveries a second for this tenant. */
        OptionalDouble rate();

        /** Bucket size for this tenant. */
        OptionalDouble burst();
    }
}
