package io.crmsync.dedup;

import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Customer;

import java.util.List;
import java.util.Locale;

/**
 * What one source says about a person, reduced to the fields a golden contact keeps. The email
 * is normalised again here (trim, lower case) because matching depends on it.
 */
public record ContactData(String email, String firstName, String lastName, String phone) {

    /**
     * @param fallbackAddresses addresses whose names stand in when the customer has none (guest
     *                          checkouts often name the person only on the billing address)
     */
    public static ContactData of(Customer customer, List<Address> fallbackAddresses) {
        Address fallback = fallbackAddresses == null ? null
                : fallbackAddresses.stream().filter(a -> a != null && a.lastName() != null).findFirst().orElse(null);
        String first = blankToNull(customer.firstName());
        String last = blankToNull(customer.lastName());
        if (first == null && last == null && fallback != null) {
            first = blankToNull(fallback.firstName());
            last = blankToNull(fallback.lastName());
        }
        return new ContactData(normaliseEmail(customer.email() != null ? customer.email() : customer.emailRaw()),
                first, last, blankToNull(customer.phone()));
    }

    /** Trimmed and lower-cased, or null when it is not an address at all. */
    public static String normaliseEmail(String email) {
        if (email == null) {
            return null;
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        return normalised.indexOf('@') > 0 ? normalised : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
