package io.crmsync.normalizer.mapping;

import java.util.Locale;

/** E-mail normalisation of the canonical model: trimmed and lower-cased, the raw text kept beside. */
public final class Emails {

    private Emails() {
    }

    /**
     * The normalised address, or null when the raw text is not an address at all (no single
     * {@code @} with text on both sides, or whitespace inside): such a value is kept only as raw,
     * so it can never become an identity key downstream.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        int at = email.indexOf('@');
        boolean plausible = at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1
                && email.codePoints().noneMatch(Character::isWhitespace);
        return plausible ? email : null;
    }
}
