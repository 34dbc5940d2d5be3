package io.crmsync.ingress.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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
}
