package io.crmsync.sandbox.crm.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sObjects the sandbox stores, with their real key prefixes and the fields required to create one. */
public final class SalesforceObjectTypes {

    public static final String CONTACT = "Contact";
    public static final String ACCOUNT = "Account";
    public static final String OPPORTUNITY = "Opportunity";
    public static final String LEAD = "Lead";

    /** @param idPrefix the three-character key prefix every Salesforce id of this sObject starts with */
    public record SObjectType(String name, String idPrefix, List<String> requiredOnCreate) {
    }

    private static final Map<String, SObjectType> KNOWN = Map.of(
            CONTACT, new SObjectType(CONTACT, "003", List.of("LastName")),
            ACCOUNT, new SObjectType(ACCOUNT, "001", List.of("Name")),
            OPPORTUNITY, new SObjectType(OPPORTUNITY, "006", List.of("Name", "StageName", "CloseDate")),
            LEAD, new SObjectType(LEAD, "00Q", List.of("LastName", "Company")));

    private SalesforceObjectTypes() {
    }

    public static Optional<SObjectType> find(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }

    /** An unknown sObject in the URL is a 404 NOT_FOUND in Salesforce. */
    public static SObjectType require(String name) {
        return find(name).orElseThrow(() -> RequestRejected.notFound("The requested resource does not exist"));
    }
}
