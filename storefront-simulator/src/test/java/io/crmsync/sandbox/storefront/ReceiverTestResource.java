package io.crmsync.sandbox.storefront;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the simulator's webhooks at the test's {@link WebhookReceiver}. */
public class ReceiverTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("crmsync.simulator.ingress-url", WebhookReceiver.start().url());
    }

    @Override
    public void stop() {
        // The receiver serves every test class of this JVM; it dies with the JVM.
    }
}
