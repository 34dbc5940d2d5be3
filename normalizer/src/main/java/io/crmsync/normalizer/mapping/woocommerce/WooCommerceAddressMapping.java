package io.crmsync.normalizer.mapping.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Address;
import io.crmsync.normalizer.mapping.Phones;

import java.util.Locale;
import java.util.stream.Stream;

import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A WooCommerce {@code billing} or {@code shipping} object as a canonical {@link Address}. WooCommerce
 * always sends both objects, with every field {@code ""} when the buyer gave no such address: an
 * address with no text at all is absent. Text is kept as written; the phone (billing always,
 * shipping since WooCommerce 5.6) is read in the address's own country.
 */
final class WooCommerceAddressMapping {

    /** @return null when the node is absent, not an object, or has no text in any address field */
    Address map(JsonNode address) {
        if (address == null || !address.isObject()) {
            return null;
        }
        String country = countryCode(address);
        String phoneRaw = text(address, "phone");
        Address mapped = new Address(
                text(address, "first_name"),
                text(address, "last_name"),
                text(address, "company"),
                text(address, "address_1"),
                text(address, "address_2"),
                text(address, "city"),
                text(address, "state"),
                text(address, "postcode"),
                country,
                Phones.toE164(phoneRaw, country),
                phoneRaw);
        return isEmpty(mapped) ? null : mapped;
    }

    /** ISO 3166-1 alpha-2 {@code country}, upper-cased, or null when absent or malformed. */
    static String countryCode(JsonNode address) {
        String code = text(address, "country");
        if (code == null) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return upper.matches("[A-Z]{2}") ? upper : null;
    }

    private static boolean isEmpty(Address a) {
        return Stream.of(a.firstName(), a.lastName(), a.company(), a.line1(), a.line2(), a.city(), a.region(),
                a.postalCode(), a.countryCode(), a.phoneRaw()).allMatch(v -> v == null);
    }
}
