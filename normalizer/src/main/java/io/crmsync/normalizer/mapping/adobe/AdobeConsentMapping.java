package io.crmsync.normalizer.mapping.adobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.ConsentStatus;
import io.crmsync.normalizer.mapping.MappingException;

import java.util.Locale;

import static io.crmsync.normalizer.mapping.JsonFields.object;

/**
 * E-mail marketing consent of an Adobe Commerce customer; never inferred. Commerce keeps the
 * newsletter subscription in its own table, outside the customer model, so only a payload that
 * carries {@code extension_attributes.is_subscribed} says anything: {@code true} is a subscription
 * → granted; {@code false} only says the customer is not subscribed, which is not a refusal →
 * unknown, with the evidence named in the source. No flag → unknown with no source.
 */
final class AdobeConsentMapping {

    static final String FIELD = "extension_attributes.is_subscribed";

    Consent ofCustomer(JsonNode customer) {
        JsonNode flag = object(customer, "extension_attributes") == null
                ? null : customer.get("extension_attributes").get("is_subscribed");
        Boolean subscribed = bool(flag);
        if (subscribed == null) {
            return Consent.unknown();
        }
        return new Consent(subscribed ? ConsentStatus.GRANTED : ConsentStatus.UNKNOWN, FIELD + "=" + subscribed, null);
    }

    /** A JSON boolean, or Magento's textual {@code "1"/"0"/"true"/"false"}; null when absent. */
    private static Boolean bool(JsonNode flag) {
        if (flag == null || flag.isNull()) {
            return null;
        }
        if (flag.isBoolean()) {
            return flag.booleanValue();
        }
        return switch (flag.asText().trim().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new MappingException("field '" + FIELD + "' is not a boolean");
        };
    }
}
