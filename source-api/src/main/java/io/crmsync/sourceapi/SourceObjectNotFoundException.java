package io.crmsync.sourceapi;

/** 404 (or an empty v3 list): the object is gone from the store. Not retried. */
public class SourceObjectNotFoundException extends SourceApiException {

    public SourceObjectNotFoundException(String message) {
        super(message);
    }
}
