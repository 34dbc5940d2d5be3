package io.crmsync.normalizer.service;

import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.mapping.MappingException;
import io.crmsync.normalizer.mapping.Normalized;
import io.crmsync.normalizer.mapping.PlatformMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a received storefront payload into its canonical entity with the mapper of its platform.
 * Pure: no I/O, so a failure here is always a property of the payload (error class {@code mapping}).
 */
@ApplicationScoped
public class NormalizationService {

    private final Map<String, PlatformMapper> mappers;

    public NormalizationService(@All List<PlatformMapper> mappers) {
        this.mappers = mappers.stream().collect(Collectors.toUnmodifiableMap(PlatformMapper::platform, Function.identity()));
    }

    /** @throws MappingException when the platform or its topic has no mapping yet, or the payload is incomplete */
    @WithSpan("normalize")
    public Normalized<?> normalize(WebhookReceived event) {
        Span.current().setAttribute("crmsync.platform", event.platform());
        Span.current().setAttribute("crmsync.topic", event.topic());
        PlatformMapper mapper = mappers.get(event.platform());
        if (mapper == null) {
            throw new MappingException("no mapping for platform " + event.platform() + " yet");
        }
        return mapper.map(event);
    }
}
