package io.crmsync.writer.service.salesforce;

import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Command fields to Salesforce sObjects and fields. Every record carries its record key in an
 * external id field, the key of its upserts: {@code CrmSync_Key__c} (golden key) on Contact and
 * Account, so an e-mail change updates the contact instead of creating a second one, and
 * {@code CrmSync_Order_Ref__c} = {@code {storeId}:{orderId}} on Opportunity (DESIGN contract).
 * Not written: a contact's {@code company} (the Account association says it) and
 * {@code marketingConsent} (never inferred, and Salesforce keeps consent apart); {@code orderNumber}
 * only lives in the opportunity's name.
 */
public final class SalesforceFields {

    public static final String CONTACT = "Contact";
    public static final String ACCOUNT = "Account";
    public static final String OPPORTUNITY = "Opportunity";
    public static final String KEY = "CrmSync_Key__c";
    public static final String ORDER_REF = "CrmSync_Order_Ref__c";
    public static final String SYNC_MODE = "CrmSync_Sync_Mode__c";
    public static final String ADDITIONAL_EMAILS = "CrmSync_Additional_Emails__c";

    /** Secondary e-mails stay semicolon-separated, as the command carries them, in one custom text field. */
    private static final Map<String, String> CONTACT_FIELDS = Map.of(
            "email", "Email", "additionalEmails", ADDITIONAL_EMAILS, "firstName", "FirstName",
            "lastName", "LastName", "phone", "Phone");
    private static final Map<String, String> ACCOUNT_FIELDS = Map.of(
            "name", "Name", "domain", "Website", "phone", "Phone", "city", "BillingCity",
            "countryCode", "BillingCountryCode");

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private SalesforceFields() {
    }

    public static String sObject(String crmObjectType) {
        return switch (crmObjectType) {
            case CrmRecordUpsert.CONTACT -> CONTACT;
            case CrmRecordUpsert.COMPANY -> ACCOUNT;
            case CrmRecordUpsert.DEAL -> OPPORTUNITY;
            default -> throw new IllegalArgumentException("no Salesforce sObject for " + crmObjectType);
        };
    }

    /** The external id field holding the record key. */
    public static String externalIdField(String crmObjectType) {
        return CrmRecordUpsert.DEAL.equals(crmObjectType) ? ORDER_REF : KEY;
    }

    /** Why Salesforce could not hold this command as written; checked before calling it. */
    public static Optional<String> problem(CrmRecordUpsert command) {
        if (!CrmRecordUpsert.DEAL.equals(command.crmObjectType())) {
            return Optional.empty();
        }
        Map<String, String> fields = command.fields() == null ? Map.of() : command.fields();
        // CONTRACT: CrmSync_Order_Ref__c = {storeId}:{orderId}, which is also the deal's record key.
        if (!command.recordKey().equals(fields.get("orderRef"))) {
            return Optional.of("deal orderRef '" + fields.get("orderRef") + "' differs from its record key '"
                    + command.recordKey() + "'");
        }
        if (SalesforceOpportunityStages.stageFor(fields.get("status")).isEmpty()) {
            return Optional.of("deal status '" + fields.get("status") + "' is not a canonical order status");
        }
        if (fields.get("amount") == null || !DECIMAL.matcher(fields.get("amount")).matches()) {
            return Optional.of("deal amount '" + fields.get("amount") + "' is not a decimal");
        }
        if (fields.get("currency") == null || !CURRENCY.matcher(fields.get("currency")).matches()) {
            return Optional.of("deal currency '" + fields.get("currency") + "' is not an ISO 4217 code");
        }
        String when = closeDateSource(fields);
        if (when != null && closeDate(when).isEmpty()) {
            return Optional.of("deal close date '" + when + "' is neither a date nor an instant");
        }
        return Optional.empty();
    }

    /**
     * The fields to write, by Salesforce name, key included; fields the command leaves out are left
     * untouched in Salesforce. Values are strings except {@code Amount}, a JSON number made exactly
     * from the decimal string (a {@link BigDecimal}, never a double).
     */
    public static Map<String, Object> fields(CrmRecordUpsert command) {
        Map<String, String> fields = command.fields() == null ? Map.of() : command.fields();
        Map<String, Object> values = new LinkedHashMap<>();
        switch (command.crmObjectType()) {
            case CrmRecordUpsert.CONTACT -> copy(fields, CONTACT_FIELDS, values);
            case CrmRecordUpsert.COMPANY -> copy(fields, ACCOUNT_FIELDS, values);
            case CrmRecordUpsert.DEAL -> {
                putIfPresent(values, "Name", fields.get("name"));
                if (fields.get("amount") != null) {
                    values.put("Amount", new BigDecimal(fields.get("amount")));
                }
                putIfPresent(values, "CurrencyIsoCode", fields.get("currency"));
                SalesforceOpportunityStages.stageFor(fields.get("status")).ifPresent(stage -> values.put("StageName", stage));
                String when = closeDateSource(fields);
                if (when != null) {
                    closeDate(when).ifPresent(date -> values.put("CloseDate", date.toString()));
                }
                // CONTRACT: the sandbox (and a real org's automations) skip backfilled opportunities.
                values.put(SYNC_MODE, command.syncMode() == SyncMode.BACKFILL ? "backfill" : "live");
            }
            default -> throw new IllegalArgumentException("no Salesforce mapping for " + command.crmObjectType());
        }
        values.put(externalIdField(command.crmObjectType()), command.recordKey());
        return values;
    }

    /** The record as a Collections body holds it: {@code attributes.type} first, then the fields. */
    public static Map<String, Object> record(CrmRecordUpsert command) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", Map.of("type", sObject(command.crmObjectType())));
        record.putAll(fields(command));
        return record;
    }

    /**
     * {@code CloseDate} is a date: a date is taken as it is, an instant (or date-time with offset)
     * by its UTC day, so the same order lands on the same day whichever writer instance writes it.
     */
    static Optional<LocalDate> closeDate(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException notADate) {
            try {
                return Optional.of(Instant.parse(value).atOffset(ZoneOffset.UTC).toLocalDate());
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return Optional.of(OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
                } catch (DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * Where an association between two object types lives in Salesforce: a lookup field on the
     * child record (Opportunity.ContactId, Opportunity.AccountId, Contact.AccountId), whichever end
     * the command named first.
     *
     * @param fromIsChild whether the association's {@code from} record holds the lookup
     */
    public record Lookup(String childObjectType, String field, boolean fromIsChild) {
    }

    /** Empty for pairs Salesforce keeps no default lookup for (two contacts, say). */
    public static Optional<Lookup> lookup(String fromObjectType, String toObjectType) {
        Optional<Lookup> forward = childLookup(fromObjectType, toObjectType).map(field -> new Lookup(fromObjectType, field, true));
        return forward.isPresent() ? forward
                : childLookup(toObjectType, fromObjectType).map(field -> new Lookup(toObjectType, field, false));
    }

    private static Optional<String> childLookup(String child, String parent) {
        if (CrmRecordUpsert.DEAL.equals(child) && CrmRecordUpsert.CONTACT.equals(parent)) {
            return Optional.of("ContactId");
        }
        if ((CrmRecordUpsert.DEAL.equals(child) || CrmRecordUpsert.CONTACT.equals(child))
                && CrmRecordUpsert.COMPANY.equals(parent)) {
            return Optional.of("AccountId");
        }
        return Optional.empty();
    }

    /** A SOQL string literal: single-quoted, backslash and quote escaped (and the control characters). */
    public static String soqlLiteral(String value) {
        StringBuilder literal = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> literal.append("\\\\");
                case '\'' -> literal.append("\\'");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> literal.append(c);
            }
        }
        return literal.append('\'').toString();
    }

    private static String closeDateSource(Map<String, String> fields) {
        return fields.get("closeDate") != null ? fields.get("closeDate") : fields.get("createdAt");
    }

    private static void copy(Map<String, String> fields, Map<String, String> names, Map<String, Object> values) {
        fields.forEach((field, value) -> {
            String name = names.get(field);
            if (name != null && value != null) {
                values.put(name, value);
            }
        });
    }

    private static void putIfPresent(Map<String, Object> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
