package io.crmsync.writer.messaging;

/**
 * The DLQ topic could not be read, or the broker did not acknowledge replayed records, in time.
 * Nothing was recorded as replayed; asking again is safe.
 */
public class DeadLetterTopicException extends RuntimeException {

    public DeadLetterTopicException(String message, Throwable cause) {
        super(message, cause);
    }
}
