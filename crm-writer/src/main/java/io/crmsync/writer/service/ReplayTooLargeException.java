package io.crmsync.writer.service;

/** More dead letters match than one replay may re-publish; nothing was replayed. */
public class ReplayTooLargeException extends RuntimeException {

    public ReplayTooLargeException(int max) {
        super("more than " + max + " dead letters match; narrow the time range (nothing was replayed)", null, false, false);
    }
}
