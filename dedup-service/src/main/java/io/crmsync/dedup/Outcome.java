package io.crmsync.dedup;

/** What became of one consumed entity event. */
public enum Outcome {
    /** New content, fresher than what was applied: golden records updated, commands queued. */
    APPLIED,
    /** The same content again (redelivery, replay, webhook plus poll): dropped. */
    DUPLICATE,
    /** Older than the newest update applied to the same source entity: dropped. */
    STALE
}
