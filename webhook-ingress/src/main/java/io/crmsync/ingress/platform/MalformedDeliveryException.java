package io.crmsync.ingress.platform;

/** A correctly signed delivery that cannot be turned into an event; answered 400. */
public class MalformedDeliveryException extends RuntimeException {

    /** Why, as the short reason given to the caller and to metrics. */
    public enum Reason {
        MALFORMED_BODY, MISSING_ID, UNKNOWN_TOPIC
    }

    private final Reason reason;

    public MalformedDeliveryException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
