package io.crmsync.writer.service.hubspot;

import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Command fields to HubSpot object types and properties. Every record carries its record key in a
 * unique property ({@code crmsync_contact_key}, {@code crmsync_company_key},
 * {@code crmsync_order_ref}), the id property of its upserts: an e-mail change updates the
 * contact instead of creating a second one. Fields without a HubSpot property here
 * ({@code marketingConsent}: subscriptions have their own API; {@code orderNumber}: part of the
 * deal name) are not written.
 */
public final class HubSpotProperties {

    public static final String CONTACT_KEY = "crmsync_contact_key";
    public static final String COMPANY_KEY = "crmsync_company_key";
    public static final String ORDER_REF = "crmsync_order_ref";
    public static final String SYNC_MODE = "crmsync_sync_mode";

    /** HubSpot keeps a contact's secondary e-mails semicolon-separated in one property, as the command does. */
    private static final Map<String, String> CONTACT_FIELDS = Map.of(
            "email", "email", "additionalEmails", "hs_additional_emails", "firstName", "firstname",
            "lastName", "lastname", "phone", "phone", "company", "company");
    private static final Map<String, String> COMPANY_FIELDS = Map.of(
            "name", "name", "domain", "domain", "phone", "phone", "city", "city", "countryCode", "country");
    private static final Map<String, String> DEAL_FIELDS = Map.of(
            "name", "dealname", "amount", "amount", "currency", "deal_currency_code");

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private HubSpotProperties() {
    }

    /** HubSpot's object type: {@code contacts}, {@code deals}, {@code companies}. */
    public static String objectType(String crmObjectType) {
        return switch (crmObjectType) {
            case CrmRecordUpsert.CONTACT -> "contacts";
            case CrmRecordUpsert.DEAL -> "deals";
            case CrmRecordUpsert.COMPANY -> "companies";
            default -> throw new IllegalArgumentException("no HubSpot object type for " + crmObjectType);
        };
    }

    /** The unique property holding the record key. */
    public static String idProperty(String crmObjectType) {
        return switch (crmObjectType) {
            case CrmRecordUpsert.CONTACT -> CONTACT_KEY;
            case CrmRecordUpsert.DEAL -> ORDER_REF;
            case CrmRecordUpsert.COMPANY -> COMPANY_KEY;
            default -> throw new IllegalArgumentException("no HubSpot id property for " + crmObjectType);
        };
    }

    /** Why HubSpot could not hold this command as written; checked before calling it. */
    public static Optional<String> problem(CrmRecordUpsert command) {
        if (!CrmRecordUpsert.DEAL.equals(command.crmObjectType())) {
            return Optional.empty();
        }
        Map<String, String> fields = command.fields();
        // CONTRACT: crmsync_order_ref = {storeId}:{orderId}, which is also the deal's record key.
        if (!command.recordKey().equals(fields.get("orderRef"))) {
            return Optional.of("deal orderRef '" + fields.get("orderRef") + "' differs from its record key '"
                    + command.recordKey() + "'");
        }
        if (HubSpotDealStages.stageFor(fields.get("status")).isEmpty()) {
            return Optional.of("deal status '" + fields.get("status") + "' is not a canonical order status");
        }
        if (!DECIMAL.matcher(String.valueOf(fields.get("amount"))).matches()) {
            return Optional.of("deal amount '" + fields.get("amount") + "' is not a decimal");
        }
        if (!CURRENCY.matcher(String.valueOf(fields.get("currency"))).matches()) {
            return Optional.of("deal currency '" + fields.get("currency") + "' is not an ISO 4217 code");
        }
        return Optional.empty();
    }

    /** The properties to upsert; fields the command leaves out are left untouched in HubSpot. */
    public static Map<String, String> of(CrmRecordUpsert command) {
        Map<String, String> fields = command.fields() == null ? Map.of() : command.fields();
        Map<String, String> properties = new LinkedHashMap<>();
        switch (command.crmObjectType()) {
            case CrmRecordUpsert.CONTACT -> copy(fields, CONTACT_FIELDS, properties);
            case CrmRecordUpsert.COMPANY -> copy(fields, COMPANY_FIELDS, properties);
            case CrmRecordUpsert.DEAL -> {
                copy(fields, DEAL_FIELDS, properties);
                HubSpotDealStages.stageFor(fields.get("status")).ifPresent(stage -> properties.put("dealstage", stage));
                properties.put("pipeline", HubSpotDealStages.PIPELINE);
                String closeDate = fields.getOrDefault("closeDate", fields.get("createdAt"));
                if (closeDate != null) {
                    properties.put("closedate", closeDate);
                }
                // CONTRACT: backfilled deals are marked so that CRM automations can skip them.
                properties.put(SYNC_MODE, command.syncMode() == SyncMode.BACKFILL ? "backfill" : "live");
            }
            default -> throw new IllegalArgumentException("no HubSpot mapping for " + command.crmObjectType());
        }
        properties.put(idProperty(command.crmObjectType()), command.recordKey());
        return properties;
    }

    private static void copy(Map<String, String> fields, Map<String, String> names, Map<String, String> properties) {
        fields.forEach((field, value) -> {
            String property = names.get(field);
            if (property != null && value != null) {
                properties.put(property, value);
            }
        });
    }
}
