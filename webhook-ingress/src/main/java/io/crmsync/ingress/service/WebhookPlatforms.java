package io.crmsync.ingress.service;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.ingress.platform.DeliveryParser;
import io.crmsync.ingress.platform.SignatureVerifier;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms this ingress can take webhooks from: each needs both a {@link SignatureVerifier}
 * and a {@link DeliveryParser} bean. Adding a platform is adding those two beans.
 */
@ApplicationScoped
public class WebhookPlatforms {

    /** A platform's two halves. */
    public record Support(SignatureVerifier verifier, DeliveryParser parser) {
    }

    private final Map<Platform, Support> supported = new EnumMap<>(Platform.class);

    public WebhookPlatforms(@All List<SignatureVerifier> verifiers, @All List<DeliveryParser> parsers) {
        Map<Platform, SignatureVerifier> byPlatform = new EnumMap<>(Platform.class);
        verifiers.forEach(v -> {
            if (byPlatform.put(v.platform(), v) != null) {
                throw new IllegalStateException("two signature verifiers for " + v.platform().wire());
            }
        });
        parsers.forEach(p -> {
            SignatureVerifier verifier = byPlatform.get(p.platform());
            if (verifier == null) {
                throw new IllegalStateException("a delivery parser but no signature verifier for " + p.platform().wire());
            }
            if (supported.put(p.platform(), new Support(verifier, p)) != null) {
                throw new IllegalStateException("two delivery parsers for " + p.platform().wire());
            }
        });
    }

    public Optional<Support> of(Platform platform) {
        return Optional.ofNullable(supported.get(platform));
    }
}
