package io.crmsync.ingress.service;

/** How one delivery ended. */
public sealed interface IntakeOutcome {

    /** Durable in Kafka: the broker acknowledged the event. */
    record Accepted(String eventId, String deliveryId) implements IntakeOutcome {
    }

    /** A platform's set-up call, answered and not published. */
    record Handshake() implements IntakeOutcome {
    }

    record Rejected(Rejection rejection) implements IntakeOutcome {
    }

    /** The tenant is over its quota; nothing published. */
    record Throttled(long retryAfterSeconds) implements IntakeOutcome {
    }
}
