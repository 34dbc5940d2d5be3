package io.crmsync.sandbox.storefront;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;

/**
 * One object of a simulated store, as the platform holds it.
 *
 * @param id           the platform's id (digits for every platform simulated here)
 * @param body         the platform's JSON, with its own modified/created fields stamped
 * @param createdAt    the platform's creation time, for {@code created_at_min}-style filters
 * @param updatedAt    the platform's modification time (second precision, as the platforms show it)
 * @param subResources lists the platform serves under the object (BigCommerce v2 order products,
 *                     shipping addresses, coupons), by sub-resource name
 */
public record StoredObject(String id, ObjectNode body, Instant createdAt, Instant updatedAt,
                           Map<String, ArrayNode> subResources) {

    public StoredObject {
        subResources = Map.copyOf(subResources);
    }

    /** Numeric ids compare as numbers so {@code 9} sorts before {@code 10}. */
    public static int compareIds(String a, String b) {
        boolean numericA = isDigits(a);
        boolean numericB = isDigits(b);
        if (numericA && numericB) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        return numericA != numericB ? (numericA ? -1 : 1) : a.compareTo(b);
    }

    public static boolean isDigits(String s) {
        return !s.isEmpty() && s.length() <= 18 && s.chars().allMatch(Character::isDigit);
    }
}
