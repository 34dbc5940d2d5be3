package io.crmsync.writer.service;

import io.crmsync.writer.client.CrmAuthException;
import io.crmsync.writer.client.CrmCallException;
import io.crmsync.writer.client.CrmRateLimitedException;
import io.crmsync.writer.client.CrmRejectedException;

/**
 * Why a command could not be written now, and what its lane does about it.
 *
 * @param errorClass one of {@link ErrorClass}, the {@code crmsync_error_class} header if it is dead-lettered
 * @param reason     the {@code crmsync_error_message} header; may quote the CRM, so never logged
 */
public record WriteFailure(String errorClass, String reason, Handling handling) {

    /** What the lane does with the command. */
    public enum Handling {
        /** To the DLQ at once: writing it again cannot succeed (validation, contract). */
        DEAD_LETTER,
        /** Again on the retry schedule, then to the DLQ ({@code retryable-exhausted}). */
        RETRY,
        /** The tenant pauses; the command waits, untouched, until an operator resumes it. */
        PAUSE
    }

    public static WriteFailure deadLetter(String errorClass, String reason) {
        return new WriteFailure(errorClass, reason, Handling.DEAD_LETTER);
    }

    public static WriteFailure retry(String errorClass, String reason) {
        return new WriteFailure(errorClass, reason, Handling.RETRY);
    }

    /** The handling of a CRM call that failed. */
    public static WriteFailure of(CrmCallException failure) {
        if (failure instanceof CrmAuthException) {
            return new WriteFailure(ErrorClass.AUTH, failure.getMessage(), Handling.PAUSE);
        }
        if (failure instanceof CrmRejectedException) {
            return deadLetter(ErrorClass.VALIDATION, failure.getMessage());
        }
        if (failure instanceof CrmRateLimitedException) {
            return retry(ErrorClass.RATE_LIMITED, failure.getMessage());
        }
        return retry(ErrorClass.RETRYABLE, failure.getMessage());
    }
}
