package io.crmsync.reconciler.service;

import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.contract.webhook.WebhookReceived;

/** A polled object as the event it becomes: CloudEvents attributes, Kafka key and data. */
public record PolledEvent(EventEnvelope envelope, WebhookReceived data) {
}
