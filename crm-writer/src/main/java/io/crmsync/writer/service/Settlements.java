package io.crmsync.writer.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What became of each command of one drain, by its index: written (with the outcome and CRM id),
 * failed (with its handling), or held back untried because an earlier command of its record
 * failed or its tenant paused on the way.
 */
public final class Settlements {

    /** The outcome of a command that was held back, untried. */
    public static final String HELD = "held";

    private final Map<Integer, Settled> byIndex = new HashMap<>();

    /** @param failure null when the command was written; otherwise why not */
    public record Settled(String outcome, String crmId, WriteFailure failure) {

        public boolean written() {
            return failure == null && !HELD.equals(outcome);
        }
    }

    public void written(int index, String outcome, String crmId) {
        byIndex.put(index, new Settled(outcome, crmId, null));
    }

    public void failed(int index, WriteFailure failure) {
        byIndex.put(index, new Settled(null, null, failure));
    }

    public void held(int index) {
        byIndex.put(index, new Settled(HELD, null, null));
    }

    /** Empty for a command nothing settled: it counts as held. */
    public Optional<Settled> of(int index) {
        return Optional.ofNullable(byIndex.get(index));
    }
}
