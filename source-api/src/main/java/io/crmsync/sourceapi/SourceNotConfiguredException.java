package io.crmsync.sourceapi;

/**
 * The tenant registry gives the store no admin API base URL or lacks a credential the platform
 * needs, or the platform has no reader. Not retried: an operator must fix the registry.
 */
public class SourceNotConfiguredException extends SourceApiException {

    public SourceNotConfiguredException(String message) {
        super(message);
    }
}
