package io.crmsync.dedup;

import java.util.Locale;

/**
 * Why an identity value was attached to a golden contact, and why two golden contacts were
 * merged (the match rule that joined them). Kept for auditing and undoing merges.
 */
public enum LinkReason {
    /** Nothing matched: the value created the golden contact. */
    FIRST_SEEN,
    /** Attached because the event's store customer already belonged to the golden contact. */
    SAME_STORE_CUSTOMER,
    /** Attached because the event's normalised email already belonged to the golden contact. */
    SAME_EMAIL,
    /** Attached because the event's E.164 phone and last name already belonged to the golden contact. */
    SAME_PHONE_AND_LAST_NAME;

    /** As the merge command's {@code reason} and the metric's tag carry it: {@code same-email}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
