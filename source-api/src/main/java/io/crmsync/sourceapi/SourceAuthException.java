package io.crmsync.sourceapi;

/** 401/403: the registry's credentials for the store are wrong or revoked. Not retried. */
public class SourceAuthException extends SourceApiException {

    public SourceAuthException(String message) {
        super(message);
    }
}
