package io.crmsync.normalizer.mapping.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.model.Consent;
import io.crmsync.contract.model.ConsentStatus;

import java.util.Locale;

import static io.crmsync.normalizer.mapping.JsonFields.instant;
import static io.crmsync.normalizer.mapping.JsonFields.object;
import static io.crmsync.normalizer.mapping.JsonFields.present;
import static io.crmsync.normalizer.mapping.JsonFields.text;

/**
 * E-mail marketing consent as Shopify records it; never inferred. Only an explicit opt-in grants
 * and only an explicit opt-out denies:
 * <ul>
 *   <li>{@code email_marketing_consent.state}: {@code subscribed} → granted, {@code unsubscribed}
 *       → denied, anything else ({@code not_subscribed}, {@code pending}, {@code invalid},
 *       {@code redacted}) → unknown; time from {@code consent_updated_at};</li>
 *   <li>without that object, the legacy flag {@code accepts_marketing} (customer) or
 *       {@code buyer_accepts_marketing} (order): {@code true} is an explicit opt-in → granted;
 *       {@code false} only says the box was not ticked → unknown;</li>
 *   <li>nothing at all → unknown with no source.</li>
 * </ul>
 * The source names the field and the platform's own word, e.g. {@code email_marketing_consent.state=not_subscribed}.
 */
public final class ShopifyConsentMapping {

    /** From a customer resource ({@code email_marketing_consent}, else legacy {@code accepts_marketing}). */
    public Consent ofCustomer(JsonNode customer) {
        JsonNode consent = object(customer, "email_marketing_consent");
        if (consent != null && present(consent, "state")) {
            return ofState(consent);
        }
        return ofFlag(customer, "accepts_marketing", "accepts_marketing_updated_at");
    }

    /** From an order's {@code buyer_accepts_marketing}: the checkout's marketing box. */
    public Consent ofBuyer(JsonNode order) {
        return ofFlag(order, "buyer_accepts_marketing", null);
    }

    /** Whether the customer resource carries any consent evidence of its own. */
    public boolean hasEvidence(JsonNode customer) {
        JsonNode consent = object(customer, "email_marketing_consent");
        return (consent != null && present(consent, "state")) || present(customer, "accepts_marketing");
    }

    private static Consent ofState(JsonNode consent) {
        String state = text(consent, "state").trim().toLowerCase(Locale.ROOT);
        ConsentStatus status = switch (state) {
            case "subscribed" -> ConsentStatus.GRANTED;
            case "unsubscribed" -> ConsentStatus.DENIED;
            default -> ConsentStatus.UNKNOWN;
        };
        return new Consent(status, "email_marketing_consent.state=" + state, instant(consent, "consent_updated_at"));
    }

    private static Consent ofFlag(JsonNode node, String field, String timeField) {
        JsonNode flag = node.get(field);
        if (flag == null || !flag.isBoolean()) {
            return Consent.unknown();
        }
        ConsentStatus status = flag.booleanValue() ? ConsentStatus.GRANTED : ConsentStatus.UNKNOWN;
        return new Consent(status, field + "=" + flag.booleanValue(), timeField == null ? null : instant(node, timeField));
    }
}
