package io.crmsync.normalizer.mapping.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Address;
import io.crmsync.normalizer.mapping.Phones;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * BigCommerce addresses as canonical {@link Address}es. The two APIs name the same fields
 * differently: v2 order addresses ({@code billing_address}, {@code shipping_addresses[]}) use
 * {@code street_1, street_2, state, zip, country_iso2}; v3 customer addresses use
 * {@code address1, address2, state_or_province, postal_code, country_code}. Text is kept as
 * written (diacritics intact; BigCommerce writes the state's name, not a code); the phone is read
 * in the address's own country.
 */
final class BigCommerceAddressMapping {

    /** A v2 order address; null when the node is absent or not an object. */
    Address fromOrderAddress(JsonNode address) {
        if (address == null || !address.isObject()) {
            return null;
        }
        return address(address, "street_1", "street_2", "state", "zip", "country_iso2");
    }

    /** A v3 customer address; null when the node is absent or not an object. */
    Address fromCustomerAddress(JsonNode address) {
        if (address == null || !address.isObject()) {
            return null;
        }
        return address(address, "address1", "address2", "state_or_province", "postal_code", "country_code");
    }

    /** Every v3 customer address in {@code addresses[]}, in the source's order. */
    List<Address> fromCustomerAddresses(JsonNode list) {
        List<Address> result = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(node -> {
                Address address = fromCustomerAddress(node);
                if (address != null) {
                    result.add(address);
                }
            });
        }
        return List.copyOf(result);
    }

    private static Address address(JsonNode a, String line1, String line2, String region, String postalCode,
                                   String countryField) {
        String country = countryCode(a, countryField);
        String phoneRaw = text(a, "phone");
        return new Address(
                text(a, "first_name"),
                text(a, "last_name"),
                text(a, "company"),
                text(a, line1),
                text(a, line2),
                text(a, "city"),
                text(a, region),
                text(a, postalCode),
                country,
                Phones.toE164(phoneRaw, country),
                phoneRaw);
    }

    /** ISO 3166-1 alpha-2, upper-cased, or null when absent or malformed. */
    private static String countryCode(JsonNode address, String field) {
        String code = text(address, field);
        if (code == null) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return upper.matches("[A-Z]{2}") ? upper : null;
    }
}
