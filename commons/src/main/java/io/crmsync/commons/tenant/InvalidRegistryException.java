package io.crmsync.commons.tenant;

/** The registry file cannot be used; the message says why and never contains a secret. */
public class InvalidRegistryException extends RuntimeException {

    public InvalidRegistryException(String message) {
        super(message);
    }

    public InvalidRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
