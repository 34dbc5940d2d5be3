package io.crmsync.dedup.service;

/** The merge exists but cannot be undone as things stand (already undone, or a later merge builds on it). */
public class MergeNotUndoableException extends RuntimeException {

    public MergeNotUndoableException(String message) {
        super(message);
    }
}
