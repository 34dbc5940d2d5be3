package io.crmsync.dedup;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The third match rule's identity value: E.164 phone plus last name. The last name is compared
 * case- and diacritic-insensitively ("Müller", "MÜLLER" and "Muller" are one name; "ß" is "ss"),
 * with spaces, hyphens and apostrophes ignored ("García-López" = "Garcia Lopez"). Transliterations
 * ("Mueller") are different names: folding them too would join different families.
 */
public final class PhoneAndLastName {

    private PhoneAndLastName() {
    }

    /** {@code +4930123456|muller}; empty unless both an E.164 phone and a last name are known. */
    public static Optional<String> of(String e164Phone, String lastName) {
        if (e164Phone == null || !e164Phone.startsWith("+") || lastName == null) {
            return Optional.empty();
        }
        String folded = foldName(lastName);
        return folded.isEmpty() ? Optional.empty() : Optional.of(e164Phone + "|" + folded);
    }

    static String foldName(String name) {
        String decomposed = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT).replace("ß", "ss"),
                Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(folded::appendCodePoint);
        return folded.toString();
    }
}
