package io.crmsync.writer.service;

import io.crmsync.writer.client.CrmAuthException;
import io.crmsync.writer.client.CrmCallException;
import io.crmsync.writer.client.CrmRejectedException;

/**
 * Why a consumed command goes to {@code crm.record.upsert.v1.dlq}.
 *
 * @param errorClass one of {@link ErrorClass}, the {@code crmsync_error_class} header
 * @param reason     the {@code crmsync_error_message} header; may quote the CRM, so never logged
 */
public record DeadLetter(String errorClass, String reason) {

    /** The class of a CRM call that failed for good (retries, if any, already spent). */
    public static DeadLetter of(CrmCallException failure) {
        String errorClass;
        if (failure instanceof CrmAuthException) {
            errorClass = ErrorClass.AUTH;
        } else if (failure instanceof CrmRejectedException) {
            errorClass = ErrorClass.VALIDATION;
        } else {
            errorClass = ErrorClass.RETRYABLE_EXHAUSTED;
        }
        return new DeadLetter(errorClass, failure.getMessage());
    }
}
