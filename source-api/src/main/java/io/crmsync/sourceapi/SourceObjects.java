package io.crmsync.sourceapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.quarkus.arc.All;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the authoritative object of a store through its platform's reader, with retries
 * (exponential backoff with jitter, {@link SourceUnavailableException} and attempt timeouts only),
 * a timeout per attempt, and the store's circuit breaker around every attempt. A 429 is retried
 * after the wait the platform asked for: the store's pacing holds the next attempt back, and the
 * backoff runs concurrently with that wait rather than on top of it.
 * <p>
 * Settings are MicroProfile Fault Tolerance's, e.g.
 * {@code quarkus.fault-tolerance."io.crmsync.sourceapi.SourceObjects/read".retry.max-retries}.
 * Call only from a worker thread: the reads block.
 */
@ApplicationScoped
public class SourceObjects {

    private final Map<Platform, SourceObjectReader> readers;
    private final StoreCircuitBreakers breakers;

    public SourceObjects(@All List<SourceObjectReader> readers, StoreCircuitBreakers breakers) {
        this.readers = readers.stream().collect(Collectors.toUnmodifiableMap(SourceObjectReader::platform, Function.identity()));
        this.breakers = breakers;
    }

    /** The reader of a platform, if it has one (Adobe Commerce has none: its events carry the full entity). */
    public Optional<SourceObjectReader> reader(Platform platform) {
        return Optional.ofNullable(readers.get(platform));
    }

    /**
     * @throws SourceAuthException            401/403, not retried
     * @throws SourceObjectNotFoundException  404, not retried
     * @throws SourceNotConfiguredException   the registry lacks the store's API settings, not retried
     * @throws SourceUnavailableException     retries exhausted, or the store's breaker is open
     * @throws TimeoutException               the last attempt ran past its timeout
     * @throws IllegalArgumentException       the id or the payload cannot name an object to read
     */
    // Every duration in milliseconds, so that a configured value never meets a different unit.
    @Retry(maxRetries = 4, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 200, jitterDelayUnit = ChronoUnit.MILLIS,
            maxDuration = 120_000, durationUnit = ChronoUnit.MILLIS,
            retryOn = {SourceUnavailableException.class, TimeoutException.class}, abortOn = SourceCircuitOpenException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 8_000, maxDelayUnit = ChronoUnit.MILLIS)
    @Timeout(value = 30_000, unit = ChronoUnit.MILLIS)
    public JsonNode read(Store store, String objectType, String objectId, JsonNode thinPayload) {
        SourceObjectReader reader = reader(store.platform()).orElseThrow(() -> new SourceNotConfiguredException(
                "platform " + store.platform().wire() + " has no admin API reader"));
        if (objectId == null || !objectId.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException(store.platform().wire() + " " + objectType + " id is not numeric");
        }
        return breakers.call(store, () -> reader.read(store, objectType, objectId, thinPayload));
    }
}
