package io.crmsync.writer.service;

import java.util.function.IntFunction;

/** A CRM call that may be attempted several times; it knows which attempt is running. */
public final class CrmCall<T> {

    private final IntFunction<T> attempt;
    private int attempts;

    /** @param attempt makes one attempt, given its number (1 for the first) */
    public CrmCall(IntFunction<T> attempt) {
        this.attempt = attempt;
    }

    T next() {
        return attempt.apply(++attempts);
    }

    public int attempts() {
        return attempts;
    }
}
