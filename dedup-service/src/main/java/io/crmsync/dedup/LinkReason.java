package io.crmsync.dedup;

/** Why an identity value was attached to a golden contact, kept for auditing merges later. */
public enum LinkReason {
    /** Nothing matched: the value created the golden contact. */
    FIRST_SEEN,
    /** An email, attached because its store customer already belonged to the golden contact. */
    SAME_STORE_CUSTOMER,
    /** A store customer, attached because its email already belonged to the golden contact. */
    SAME_EMAIL
}
