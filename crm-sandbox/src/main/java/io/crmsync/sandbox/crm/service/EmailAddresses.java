package io.crmsync.sandbox.crm.service;

import java.util.Locale;
import java.util.regex.Pattern;

/** Both CRMs reject syntactically invalid e-mail addresses and compare them case-insensitively. */
public final class EmailAddresses {

    private static final Pattern VALID = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");

    private EmailAddresses() {
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    public static String normalize(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
