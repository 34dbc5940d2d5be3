package io.crmsync.sandbox.crm.service;

/**
 * Makes ids shaped like Salesforce's 18-character ids: the sObject's key prefix followed by 15
 * case-sensitive alphanumerics, so clients that check the prefix or the length behave as in production.
 */
public final class SalesforceIds {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** Stands in for the instance/pod characters real ids carry after the prefix. */
    private static final String POD = "Sb";
    private static final int COUNTER_WIDTH = 13;

    private SalesforceIds() {
    }

    /** Salesforce ids are 15 case-sensitive or 18 case-safe alphanumerics; anything else is malformed. */
    public static boolean isWellFormed(String id) {
        return id != null && (id.length() == 15 || id.length() == 18) && id.chars().allMatch(c -> c < 128
                && Character.isLetterOrDigit(c));
    }

    public static String format(String prefix, long sequence) {
        StringBuilder digits = new StringBuilder();
        long rest = sequence;
        do {
            digits.append(ALPHABET.charAt((int) (rest % ALPHABET.length())));
            rest /= ALPHABET.length();
        } while (rest > 0);
        while (digits.length() < COUNTER_WIDTH) {
            digits.append('0');
        }
        return prefix + POD + digits.reverse();
    }
}
