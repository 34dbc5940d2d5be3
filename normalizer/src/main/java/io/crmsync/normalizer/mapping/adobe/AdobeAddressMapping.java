package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Address;
import io.crmsync.normalizer.mapping.Phones;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.crmsync.normalizer.mapping.JsonFields.object;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * A Magento address (an order's {@code addresses[]}, a customer's {@code addresses[]}) as a
 * canonical {@link Address}. Text is kept as written (diacritics intact); the phone
 * ({@code telephone}) is read in the address's own country.
 */
final class AdobeAddressMapping {

    /** @return null when the node is absent or not an object */
    Address map(JsonNode address) {
        if (address == null || !address.isObject()) {
            return null;
        }
        String country = countryCode(address);
        String phoneRaw = text(address, "telephone");
        List<String> street = streetLines(address.get("street"));
        return new Address(
                text(address, "firstname"),
                text(address, "lastname"),
                text(address, "company"),
                street.isEmpty() ? null : street.get(0),
                street.size() < 2 ? null : String.join(", ", street.subList(1, street.size())),
                text(address, "city"),
                region(address),
                text(address, "postcode"),
                country,
                Phones.toE164(phoneRaw, country),
                phoneRaw);
    }

    /** ISO 3166-1 alpha-2 {@code country_id}, upper-cased, or null when absent or malformed. */
    static String countryCode(JsonNode address) {
        String code = text(address, "country_id");
        if (code == null) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return upper.matches("[A-Z]{2}") ? upper : null;
    }

    /**
     * Magento keeps street lines in one text separated by newlines (model data) or as an array
     * (service data objects); blank lines are dropped.
     */
    private static List<String> streetLines(JsonNode street) {
        List<String> lines = new ArrayList<>();
        if (street == null || street.isNull()) {
            return lines;
        }
        if (street.isArray()) {
            street.forEach(line -> addLine(lines, line.isNull() ? null : line.asText()));
        } else {
            for (String line : street.asText().split("\\R")) {
                addLine(lines, line);
            }
        }
        return lines;
    }

    private static void addLine(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
    }

    /** The region text of model data; in a service data object {@code region} is an object whose code is preferred. */
    private static String region(JsonNode address) {
        JsonNode region = object(address, "region");
        if (region != null) {
            String code = text(region, "region_code");
            return code != null ? code : text(region, "region");
        }
        return text(address, "region");
    }
}
