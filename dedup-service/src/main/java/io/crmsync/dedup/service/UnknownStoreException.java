package io.crmsync.dedup.service;

/** An event about a store that the tenant registry does not give to the event's tenant. */
public class UnknownStoreException extends RuntimeException {

    public UnknownStoreException(String message) {
        super(message);
    }
}
