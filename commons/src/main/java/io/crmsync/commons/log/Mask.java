package io.crmsync.commons.log;

/**
 * Masks personal data before it can reach a log line: {@code zoe@example.com} becomes
 * {@code z***@e***.com}, a phone keeps its last two digits.
 */
public final class Mask {

    private Mask() {
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.indexOf('@');
        if (at < 0) {
            return "***";
        }
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String tld = dot >= 0 ? domain.substring(dot) : "";
        return first(email.substring(0, at)) + "***@" + first(domain) + "***" + tld;
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.replaceAll("\\D", "");
        return "***" + (digits.length() > 2 ? digits.substring(digits.length() - 2) : "");
    }

    private static String first(String s) {
        return s.isEmpty() ? "" : s.substring(0, 1);
    }
}
