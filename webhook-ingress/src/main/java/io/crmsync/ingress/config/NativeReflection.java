package io.crmsync.ingress.config;

import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The contract records this service serialises with the EventCodec's own ObjectMapper, which a
 * native image can only do when they are registered for reflection.
 */
@RegisterForReflection(targets = {WebhookReceived.class, Delivery.class})
public final class NativeReflection {

    private NativeReflection() {
    }
}
