package io.crmsync.ingress.platform;

/** What a signature check concluded about one delivery. */
public enum Verdict {
    /** Signed with the store's current or previous secret. */
    VALID,
    /** The platform's signature header (or one it needs with it) is absent. */
    MISSING,
    /** A signature is present but matches none of the store's secrets. */
    INVALID,
    /** Signed correctly, but its timestamp is outside the tolerated window (possible replay). */
    STALE
}
