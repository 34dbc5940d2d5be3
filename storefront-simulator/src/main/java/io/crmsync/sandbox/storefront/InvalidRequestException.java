package io.crmsync.sandbox.storefront;

/** A seeding or control request the simulator cannot act on; answered 400 with the message. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
