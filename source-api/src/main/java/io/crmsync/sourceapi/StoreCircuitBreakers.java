package io.crmsync.sourceapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Store;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One circuit breaker per store (SmallRye's programmatic {@link Guard}): a dead store fails fast
 * without stopping the calls to any other store. A {@code @CircuitBreaker} annotation would be one
 * breaker per method, shared by every store of every tenant, so one merchant's outage would stop
 * fetch-back for all. Only {@link SourceUnavailableException}s count as failures, and 429s not at
 * all: a rate-limited store is up, and auth or not-found answers say nothing about availability.
 */
@ApplicationScoped
public class StoreCircuitBreakers {

    private final SourceApiConfig.CircuitBreaker config;
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    public StoreCircuitBreakers(SourceApiConfig config) {
        this.config = config.circuitBreaker();
    }

    /** @throws SourceCircuitOpenException when the store's breaker is open and the call was not made */
    public JsonNode call(Store store, Supplier<JsonNode> call) {
        Guard guard = guards.computeIfAbsent(store.id(), id -> Guard.create()
                .withDescription("admin API of store " + id)
                .withCircuitBreaker()
                .requestVolumeThreshold(config.requestVolumeThreshold())
                .failureRatio(config.failureRatio())
                .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(config.successThreshold())
                .failOn(SourceUnavailableException.class)
                .skipOn(SourceRateLimitedException.class)
                .done()
                .build());
        try {
            return guard.get(call, JsonNode.class);
        } catch (CircuitBreakerOpenException e) {
            throw new SourceCircuitOpenException("circuit breaker of store " + store.id() + " is open after repeated failures", e);
        }
    }
}
