package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Address;
import io.crmsync.normalizer.mapping.Phones;

import java.util.Locale;

import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A Shopify address ({@code billing_address}, {@code shipping_address}, {@code default_address},
 * {@code addresses[]}) as a canonical {@link Address}. Text is kept as written (diacritics
 * intact); the phone is read in the address's own country.
 */
public final class ShopifyAddressMapping {

    /** @return null when the node is absent or not an object */
    public Address map(JsonNode address) {
        if (address == null || !address.isObject()) {
            return null;
        }
        String country = countryCode(address);
        String phoneRaw = text(address, "phone");
        return new Address(
                text(address, "first_name"),
                text(address, "last_name"),
                text(address, "company"),
                text(address, "address1"),
                text(address, "address2"),
                text(address, "city"),
                // The code ("KY") is stable across languages; the name only when there is no code.
                text(address, "province_code") != null ? text(address, "province_code") : text(address, "province"),
                text(address, "zip"),
                country,
                Phones.toE164(phoneRaw, country),
                phoneRaw);
    }

    /** ISO 3166-1 alpha-2 {@code country_code}, upper-cased, or null when absent or malformed. */
    public static String countryCode(JsonNode address) {
        String code = text(address, "country_code");
        if (code == null) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return upper.matches("[A-Z]{2}") ? upper : null;
    }
}
