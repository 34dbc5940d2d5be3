package io.crmsync.contract;

/** Data that does not satisfy its event type's JSON Schema, or is not JSON at all. */
public class ContractViolationException extends RuntimeException {

    public ContractViolationException(String message) {
        super(message);
    }

    public ContractViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
