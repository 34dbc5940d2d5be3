package io.crmsync.normalizer.messaging;

/** Reactive Messaging channel names; their topics are configuration ({@code mp.messaging.*.topic}). */
public final class Channels {

    /** Reads {@code commerce.webhook.received.v1}. */
    public static final String WEBHOOKS_IN = "webhooks-in";
    /** Writes {@code commerce.entity.normalized.v1}. */
    public static final String NORMALIZED_OUT = "normalized-out";

    private Channels() {
    }
}
