package io.crmsync.dedup.service;

import io.crmsync.dedup.Outcome;
import io.crmsync.dedup.SourceEntity;

/** The decision about one event and the (locked) source entity it is about. */
public record Admission(Outcome outcome, SourceEntity entity) {

    public boolean applies() {
        return outcome == Outcome.APPLIED;
    }
}
