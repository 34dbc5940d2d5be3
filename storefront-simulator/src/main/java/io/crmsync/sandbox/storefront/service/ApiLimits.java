package io.crmsync.sandbox.storefront.service;

import io.crmsync.sandbox.storefront.Fault;
import io.crmsync.sandbox.storefront.FaultMode;
import io.crmsync.sandbox.storefront.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The admin API rate limiter of each store: the platform's normal one, or the budget an
 * {@code api-rate-limit} fault sets. Rebuilt (empty) after every faults call for the store.
 */
@ApplicationScoped
public class ApiLimits {

    private final FaultRegistry faults;
    private final SimulatorConfig config;
    private final Map<String, Versioned<LeakyBucket>> buckets = new ConcurrentHashMap<>();
    private final Map<String, Versioned<FixedWindow>> windows = new ConcurrentHashMap<>();

    private record Versioned<T>(long generation, T limiter) {
    }

    public ApiLimits(FaultRegistry faults, SimulatorConfig config) {
        this.faults = faults;
        this.config = config;
    }

    /** Shopify's leaky bucket; a rate-limit fault becomes a bucket of {@code requests} leaking {@code requests/perSeconds}. */
    public LeakyBucket.Decision shopify(String storeId) {
        long now = System.nanoTime();
        return current(buckets, storeId, fault -> fault.mode() == FaultMode.API_RATE_LIMIT
                ? new LeakyBucket(fault.requests(), (double) fault.requests() / fault.perSeconds(), now)
                : new LeakyBucket(config.shopify().bucketSize(), config.shopify().leakPerSecond(), now)).take(now);
    }

    /** The leak rate of the store's current bucket, for Shopify's 429 message. */
    public double shopifyLeak(String storeId) {
        Versioned<LeakyBucket> bucket = buckets.get(storeId);
        return bucket == null ? config.shopify().leakPerSecond() : bucket.limiter().leakPerSecond();
    }

    /** BigCommerce's store quota; a rate-limit fault replaces it with {@code requests} per {@code perSeconds}. */
    public FixedWindow.Decision bigCommerce(String storeId) {
        long now = System.nanoTime();
        return current(windows, storeId, fault -> fault.mode() == FaultMode.API_RATE_LIMIT
                ? new FixedWindow(fault.requests(), Duration.ofSeconds(fault.perSeconds()).toNanos(), now)
                : new FixedWindow(config.bigcommerce().quota(), config.bigcommerce().window().toNanos(), now)).take(now);
    }

    /** WooCommerce core has no REST rate limit; only a rate-limit fault imposes one. */
    public FixedWindow.Decision wooCommerce(String storeId) {
        long now = System.nanoTime();
        return current(windows, storeId, fault -> fault.mode() == FaultMode.API_RATE_LIMIT
                ? new FixedWindow(fault.requests(), Duration.ofSeconds(fault.perSeconds()).toNanos(), now)
                : new FixedWindow(Integer.MAX_VALUE, Duration.ofSeconds(1).toNanos(), now)).take(now);
    }

    /** Adobe Commerce core has no REST rate limit (Cloud rate-limits at the CDN); only a rate-limit fault imposes one. */
    public FixedWindow.Decision adobeCommerce(String storeId) {
        return wooCommerce(storeId);
    }

    private <T> T current(Map<String, Versioned<T>> limiters, String storeId, Function<Fault, T> create) {
        long generation = faults.generation(storeId);
        return limiters.compute(storeId, (id, existing) -> existing != null && existing.generation() == generation
                ? existing : new Versioned<>(generation, create.apply(faults.fault(storeId)))).limiter();
    }
}
