package io.crmsync.ingress.service;

import io.crmsync.ingress.config.IngressConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per tenant, so a tenant flooding its webhooks gets 429 without slowing anyone
 * else. Only tenants of verified deliveries get a bucket, so the map is bounded by the registry.
 */
@ApplicationScoped
public class TenantQuotas {

    private final IngressConfig.Quota config;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public TenantQuotas(IngressConfig config) {
        this(config.quota(), System::nanoTime);
    }

    TenantQuotas(IngressConfig.Quota config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
        check("default", config.rate(), config.burst());
        config.tenants().forEach((tenant, q) -> check(tenant, q.rate().orElse(config.rate()), q.burst().orElse(config.burst())));
    }

    /** 0 when the tenant may publish one more delivery now, else the whole seconds (≥ 1) to wait. */
    public long tryAcquire(String tenant) {
        return buckets.computeIfAbsent(tenant, this::bucket).tryAcquire(nanoTime.getAsLong());
    }

    private TokenBucket bucket(String tenant) {
        IngressConfig.TenantQuota override = config.tenants().get(tenant);
        double rate = override == null ? config.rate() : override.rate().orElse(config.rate());
        double burst = override == null ? config.burst() : override.burst().orElse(config.burst());
        return new TokenBucket(rate, burst, nanoTime.getAsLong());
    }

    private static void check(String which, double rate, double burst) {
        if (!(rate > 0) || !(burst >= 1)) {
            throw new IllegalStateException("crmsync.ingress.quota (" + which + "): rate must be > 0 and burst >= 1");
        }
    }
}
