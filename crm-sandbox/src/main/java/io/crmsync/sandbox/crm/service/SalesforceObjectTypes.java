package io.crmsync.sandbox.crm.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sObjects the sandbox stores, with their real key prefixes, the fields required to create
 * one, their lookup fields (what a merge re-parents and what a write must point at a live record),
 * whether {@code merge()} accepts them, and the standard fields a SOQL query may select.
 */
public final class SalesforceObjectTypes {

    public static final String CONTACT = "Contact";
    public static final String ACCOUNT = "Account";
    public static final String OPPORTUNITY = "Opportunity";
    public static final String LEAD = "Lead";

    /** Fields every sObject has, whatever its type. */
    private static final Set<String> SYSTEM_FIELDS = Set.of("Id", "IsDeleted", "CreatedDate", "LastModifiedDate",
            "SystemModstamp", "CurrencyIsoCode");

    /**
     * @param idPrefix   the three-character key prefix every Salesforce id of this sObject starts with
     * @param references lookup field to the sObject it points at
     * @param mergeable  whether the SOAP {@code merge()} call accepts this sObject (Lead, Contact, Account)
     * @param standard   standard field names besides the system fields, as Salesforce spells them
     */
    public record SObjectType(String name, String idPrefix, List<String> requiredOnCreate,
                              Map<String, String> references, boolean mergeable, Set<String> standard) {

        /** The field as Salesforce spells it when {@code name} is a standard field (names are case-insensitive). */
        public Optional<String> standardField(String name) {
            return java.util.stream.Stream.concat(SYSTEM_FIELDS.stream(), standard.stream())
                    .filter(field -> field.equalsIgnoreCase(name))
                    .findFirst();
        }
    }

    private static final Map<String, SObjectType> KNOWN = Map.of(
            CONTACT, new SObjectType(CONTACT, "003", List.of("LastName"),
                    Map.of("AccountId", ACCOUNT, "ReportsToId", CONTACT), true,
                    Set.of("FirstName", "LastName", "Name", "Email", "Phone", "MobilePhone", "Title", "AccountId",
                            "ReportsToId", "MailingCity", "MailingCountryCode", "MasterRecordId")),
            ACCOUNT, new SObjectType(ACCOUNT, "001", List.of("Name"), Map.of("ParentId", ACCOUNT), true,
                    Set.of("Name", "Website", "Phone", "Industry", "BillingStreet", "BillingCity", "BillingPostalCode",
                            "BillingCountryCode", "ParentId", "MasterRecordId")),
            OPPORTUNITY, new SObjectType(OPPORTUNITY, "006", List.of("Name", "StageName", "CloseDate"),
                    Map.of("AccountId", ACCOUNT, "ContactId", CONTACT), false,
                    Set.of("Name", "Amount", "StageName", "CloseDate", "Probability", "IsClosed", "IsWon",
                            "Description", "AccountId", "ContactId")),
            LEAD, new SObjectType(LEAD, "00Q", List.of("LastName", "Company"), Map.of(), true,
                    Set.of("FirstName", "LastName", "Name", "Company", "Email", "Phone", "Status", "MasterRecordId")));

    private SalesforceObjectTypes() {
    }

    public static Optional<SObjectType> find(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }

    /** sObject names in SOQL are case-insensitive, unlike REST paths. */
    public static Optional<SObjectType> findIgnoringCase(String name) {
        return KNOWN.values().stream().filter(type -> type.name().toLowerCase(Locale.ROOT)
                .equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The sObject an id belongs to, by its key prefix. */
    public static Optional<SObjectType> ofId(String id) {
        if (id == null || id.length() < 3) {
            return Optional.empty();
        }
        String prefix = id.substring(0, 3);
        return KNOWN.values().stream().filter(type -> type.idPrefix().equals(prefix)).findFirst();
    }

    /** An unknown sObject in the URL is a 404 NOT_FOUND in Salesforce. */
    public static SObjectType require(String name) {
        return find(name).orElseThrow(() -> RequestRejected.notFound("The requested resource does not exist"));
    }
}
