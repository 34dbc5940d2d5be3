package io.crmsync.writer.service;

/** Another replay of the same tenant is running; replays of one tenant are serialised. */
public class ReplayInProgressException extends RuntimeException {

    public ReplayInProgressException(String tenant) {
        super("a dead-letter replay of tenant " + tenant + " is running; try again when it has answered", null, false, false);
    }
}
