package io.crmsync.dedup;

/** The kinds of identity value that lead to a golden contact, strongest first (the match rules' order). */
public enum IdentityKind {
    /** {@code platform:storeId:customerId}: the store's own customer record. */
    STORE_CUSTOMER,
    /** A normalised email address, matched within one tenant. */
    EMAIL,
    /**
     * {@code <E.164 phone>|<last name folded>}, e.g. {@code +4930123456|muller}: the last name
     * lower-cased, diacritics removed, only letters and digits kept ({@link PhoneAndLastName}).
     */
    PHONE_LAST_NAME;

    /** Why a value was attached to a golden contact that this kind of value had already matched. */
    public LinkReason matchReason() {
        return switch (this) {
            case STORE_CUSTOMER -> LinkReason.SAME_STORE_CUSTOMER;
            case EMAIL -> LinkReason.SAME_EMAIL;
            case PHONE_LAST_NAME -> LinkReason.SAME_PHONE_AND_LAST_NAME;
        };
    }
}
