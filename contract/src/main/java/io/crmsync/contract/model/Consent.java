package io.crmsync.contract.model;

import java.time.Instant;

/**
 * @param status    what the source recorded
 * @param source    the source's own wording or field that the status was read from
 * @param changedAt when the source says the consent last changed, if it says
 */
public record Consent(ConsentStatus status, String source, Instant changedAt) {

    public static Consent unknown() {
        return new Consent(ConsentStatus.UNKNOWN, null, null);
    }
}
