package io.crmsync.ingress.platform.bigcommerce;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.ingress.config.IngressConfig;
import io.crmsync.ingress.platform.HmacSha256;
import io.crmsync.ingress.platform.SignatureVerifier;
import io.crmsync.ingress.platform.SigningSecrets;
import io.crmsync.ingress.platform.Verdict;
import io.crmsync.ingress.platform.WebhookHeaders;
import io.crmsync.ingress.platform.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Standard Webhooks, as BigCommerce signs: {@code v1,} base64 HMAC-SHA256 over
 * {@code {webhook-id}.{webhook-timestamp}.{body}}, keyed with the store's client secret bytes (a
 * {@code whsec_} secret is base64-decoded first). Timestamps outside the tolerance are refused so a
 * captured delivery cannot be replayed later.
 */
@ApplicationScoped
public class BigCommerceSignatureVerifier implements SignatureVerifier {

    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION_PREFIX = "v1,";

    private final Clock clock;
    private final Duration tolerance;

    @Inject
    public BigCommerceSignatureVerifier(Clock clock, IngressConfig config) {
        this(clock, config.timestampTolerance());
    }

    BigCommerceSignatureVerifier(Clock clock, Duration tolerance) {
        this.clock = clock;
        this.tolerance = tolerance;
    }

    @Override
    public Platform platform() {
        return Platform.BIGCOMMERCE;
    }

    @Override
    public Verdict verify(Store store, WebhookRequest request) {
        WebhookHeaders headers = request.headers();
        Optional<String> id = headers.first(StandardWebhooksHeaders.ID);
        Optional<String> timestamp = headers.first(StandardWebhooksHeaders.TIMESTAMP);
        Optional<String> signatures = headers.first(StandardWebhooksHeaders.SIGNATURE);
        if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
            return Verdict.MISSING;
        }
        Optional<Instant> signedAt = epochSeconds(timestamp.get());
        if (signedAt.isEmpty()) {
            return Verdict.INVALID;
        }
        List<byte[]> presented = presented(signatures.get());
        boolean matches = SigningSecrets.of(store).map(BigCommerceSignatureVerifier::key).anyMatch(key -> {
            byte[] expected = HmacSha256.sign(key, HmacSha256.utf8(id.get() + "." + timestamp.get() + "."), request.body());
            return presented.stream().anyMatch(candidate -> HmacSha256.matches(expected, candidate));
        });
        if (!matches) {
            return Verdict.INVALID;
        }
        Duration skew = Duration.between(signedAt.get(), clock.instant()).abs();
        return skew.compareTo(tolerance) > 0 ? Verdict.STALE : Verdict.VALID;
    }

    /** Key bytes as Standard Webhooks defines them. */
    static byte[] key(String secret) {
        if (secret.startsWith(SECRET_PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                // Not base64 after all: the registry holds a plain secret that happens to look prefixed.
                return HmacSha256.utf8(secret);
            }
        }
        return HmacSha256.utf8(secret);
    }

    /** The {@code v1} signatures of the header; other versions are ignored as the spec requires. */
    private static List<byte[]> presented(String header) {
        return Arrays.stream(header.split(" "))
                .filter(s -> s.startsWith(VERSION_PREFIX))
                .map(s -> HmacSha256.decodeBase64(s.substring(VERSION_PREFIX.length())))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<Instant> epochSeconds(String value) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
