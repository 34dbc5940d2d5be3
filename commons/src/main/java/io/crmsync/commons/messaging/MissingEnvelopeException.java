package io.crmsync.commons.messaging;

/** A consumed record without the CloudEvents headers the contract requires. */
public class MissingEnvelopeException extends RuntimeException {

    public MissingEnvelopeException(String message) {
        super(message);
    }
}
