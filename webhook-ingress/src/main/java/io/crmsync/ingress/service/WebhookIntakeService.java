package io.crmsync.ingress.service;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.StoreBinding;
import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.ingress.config.IngressConfig;
import io.crmsync.ingress.messaging.WebhookPublisher;
import io.crmsync.ingress.platform.MalformedDeliveryException;
import io.crmsync.ingress.platform.ParsedDelivery;
import io.crmsync.ingress.platform.Verdict;
import io.crmsync.ingress.platform.WebhookRequest;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Optional;

/**
 * Takes one delivery from the door to Kafka: store lookup (404), size (413), signature (401),
 * tenant quota (429), parsing (400), then publication, answered as accepted only once the broker
 * acknowledged it (otherwise 503). Nothing is published for a rejected delivery.
 */
@ApplicationScoped
public class WebhookIntakeService {

    private static final Logger LOG = Logger.getLogger(WebhookIntakeService.class);
    /** Adobe's challenges are UUID-like tokens; anything much longer is not one. */
    private static final int MAX_CHALLENGE_LENGTH = 256;

    private final DeliverySources sources;
    private final WebhookPlatforms platforms;
    private final WebhookPublisher publisher;
    private final WebhookMetrics metrics;
    private final TenantQuotas quotas;
    private final Clock clock;
    private final long maxBodyBytes;

    public WebhookIntakeService(DeliverySources sources, WebhookPlatforms platforms, WebhookPublisher publisher,
                                WebhookMetrics metrics, TenantQuotas quotas, Clock clock, IngressConfig config) {
        this.sources = sources;
        this.quotas = quotas;
        this.platforms = platforms;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    @WithSpan("webhook intake")
    public Uni<IntakeOutcome> receive(WebhookRequest request) {
        DeliverySource source = sources.resolve(request.platform(), request.storeId());
        metrics.received(source.tenant(), source.platform());
        Optional<StoreBinding> binding = source.binding();
        if (binding.isEmpty()) {
            return reject(source, Rejection.UNKNOWN_STORE);
        }
        Optional<WebhookPlatforms.Support> support = platforms.of(binding.get().store().platform());
        if (support.isEmpty()) {
            return reject(source, Rejection.UNSUPPORTED_PLATFORM);
        }
        if (support.get().parser().isHandshake(request)) {
            LOG.infof("webhook handshake from store %s answered", source.storeId());
            return Uni.createFrom().item(new IntakeOutcome.Handshake());
        }
        if (request.body().length > maxBodyBytes) {
            return reject(source, Rejection.PAYLOAD_TOO_LARGE);
        }
        Verdict verdict = support.get().verifier().verify(binding.get().store(), request);
        if (verdict != Verdict.VALID) {
            return reject(source, switch (verdict) {
                case MISSING -> Rejection.MISSING_SIGNATURE;
                case STALE -> Rejection.STALE_TIMESTAMP;
                default -> Rejection.BAD_SIGNATURE;
            });
        }
        // The quota is taken only once the store's signature proved the sender: checked earlier,
        // anyone knowing a store id could spend its tenant's quota and lock the real store out.
        long retryAfter = quotas.tryAcquire(source.tenant());
        if (retryAfter > 0) {
            metrics.rejected(source.tenant(), source.platform(), Rejection.OVER_QUOTA);
            LOG.debugf("webhook for store %s refused: tenant %s over quota", source.storeId(), source.tenant());
            return Uni.createFrom().item(new IntakeOutcome.Throttled(retryAfter));
        }
        ParsedDelivery delivery;
        try {
            delivery = support.get().parser().parse(request);
        } catch (MalformedDeliveryException e) {
            LOG.debugf("webhook from store %s malformed: %s", source.storeId(), e.getMessage());
            return reject(source, Rejection.of(e.reason()));
        }
        return publish(source, delivery);
    }

    /**
     * Adobe I/O Events' registration handshake: a GET with {@code ?challenge=X} to the webhook URL
     * must be answered with X. Only for a known Adobe Commerce store, and only a short token, so the
     * URL cannot be used to reflect arbitrary text.
     */
    public Optional<String> challenge(String platform, String storeId, String challenge) {
        DeliverySource source = sources.resolve(platform, storeId);
        boolean adobeStore = source.binding().map(b -> b.store().platform() == Platform.ADOBE_COMMERCE).orElse(false);
        if (!adobeStore || challenge == null || challenge.isBlank() || challenge.length() > MAX_CHALLENGE_LENGTH) {
            return Optional.empty();
        }
        LOG.infof("Adobe I/O Events challenge for store %s answered", storeId);
        return Optional.of(challenge);
    }

    private Uni<IntakeOutcome> publish(DeliverySource source, ParsedDelivery delivery) {
        WebhookReceived event = new WebhookReceived(source.platform(), source.storeId(), delivery.topic(),
                delivery.objectType(), delivery.objectId(), delivery.delivery(), clock.instant(), delivery.payload());
        Timer.Sample ack = metrics.startAck();
        Uni<IntakeOutcome> sent;
        try {
            sent = publisher.publish(source.tenant(), event).map(envelope -> {
                metrics.stopAck(ack, source.tenant(), source.platform(), "acked");
                metrics.accepted(source.tenant(), source.platform());
                LOG.debugf("webhook %s %s/%s from store %s published as %s", delivery.topic(), delivery.objectType(),
                        delivery.objectId(), source.storeId(), envelope.id());
                return new IntakeOutcome.Accepted(envelope.id(), delivery.delivery().id());
            });
        } catch (ContractViolationException e) {
            LOG.warnf("webhook %s from store %s does not make a valid event: %s", delivery.topic(), source.storeId(),
                    e.getMessage());
            return reject(source, Rejection.MALFORMED_BODY);
        }
        return sent.onFailure().recoverWithUni(failure -> {
            metrics.stopAck(ack, source.tenant(), source.platform(), "failed");
            LOG.warnf("webhook %s %s/%s from store %s not made durable: %s", delivery.topic(), delivery.objectType(),
                    delivery.objectId(), source.storeId(), describe(failure));
            return reject(source, Rejection.NOT_DURABLE);
        });
    }

    private Uni<IntakeOutcome> reject(DeliverySource source, Rejection rejection) {
        metrics.rejected(source.tenant(), source.platform(), rejection);
        // Unknown stores are what scanners produce: kept out of the default log level.
        LOG.logf(rejection == Rejection.UNKNOWN_STORE ? Logger.Level.DEBUG : Logger.Level.INFO,
                "webhook for store %s (%s) refused: %s", source.storeId(), source.platform(), rejection.reason());
        return Uni.createFrom().item(new IntakeOutcome.Rejected(rejection));
    }

    /** The root cause says what went wrong (a Kafka timeout), the wrappers only how it travelled. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
