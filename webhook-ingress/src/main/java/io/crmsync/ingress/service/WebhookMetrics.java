package io.crmsync.ingress.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code crmsync_webhooks_received_total}, {@code _rejected_total} (by reason),
 * {@code _accepted_total} and the broker acknowledgement latency {@code crmsync_webhook_ack_seconds},
 * all tagged by tenant ({@code unknown} for unknown stores) and platform.
 */
@ApplicationScoped
public class WebhookMetrics {

    public static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String tenant, String platform) {
        counter("crmsync.webhooks.received", "Webhook deliveries that reached the service",
                tenant, platform).increment();
    }

    public void accepted(String tenant, String platform) {
        counter("crmsync.webhooks.accepted", "Webhook deliveries made durable in Kafka",
                tenant, platform).increment();
    }

    public void rejected(String tenant, String platform, Rejection rejection) {
        Counter.builder("crmsync.webhooks.rejected")
                .description("Webhook deliveries refused, by reason")
                .tags("tenant", tenant, "platform", platform, "reason", rejection.reason())
                .register(registry)
                .increment();
    }

    public Timer.Sample startAck() {
        return Timer.start(registry);
    }

    /** @param outcome {@code acked} or {@code failed} */
    public void stopAck(Timer.Sample sample, String tenant, String platform, String outcome) {
        sample.stop(Timer.builder("crmsync.webhook.ack")
                .description("Time from handing an event to the producer to the broker's acknowledgement (or giving up)")
                .tags("tenant", tenant, "platform", platform, "outcome", outcome)
                .publishPercentileHistogram()
                .register(registry));
    }

    private Counter counter(String name, String description, String tenant, String platform) {
        return Counter.builder(name).description(description).tags("tenant", tenant, "platform", platform).register(registry);
    }
}
