package io.crmsync.normalizer.mapping;

/**
 * A platform payload that cannot be turned into a canonical entity: no mapper for its platform or
 * topic yet, a required field missing, a value the mapping table does not know. The record goes to
 * the dead-letter topic with error class {@code mapping}. Messages name fields, never their values,
 * so they are safe to log.
 */
public class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
