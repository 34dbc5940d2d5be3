package io.crmsync.writer.rest;

/** A parameter or body field of an admin request is missing or malformed: answered 400. */
public class InvalidAdminRequestException extends RuntimeException {

    public InvalidAdminRequestException(String message) {
        super(message, null, false, false);
    }
}
