package io.crmsync.dedup.service;

/** No merge with this id in the tenant asked about (one of another tenant is not found either). */
public class MergeNotFoundException extends RuntimeException {

    public MergeNotFoundException(String message) {
        super(message);
    }
}
