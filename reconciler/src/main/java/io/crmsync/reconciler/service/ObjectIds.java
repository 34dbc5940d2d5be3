package io.crmsync.reconciler.service;

import java.util.Comparator;

/**
 * Orders platform object ids: numerically when both are digit strings (Shopify, WooCommerce,
 * BigCommerce ids; "10" after "9"), otherwise as text.
 */
public final class ObjectIds {

    public static final Comparator<String> ORDER = ObjectIds::compare;

    private ObjectIds() {
    }

    public static int compare(String a, String b) {
        if (isDigits(a) && isDigits(b)) {
            String x = stripLeadingZeros(a);
            String y = stripLeadingZeros(b);
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        return a.compareTo(b);
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
