package io.crmsync.sandbox.crm.service;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HubSpot object types the sandbox knows, and the HUBSPOT_DEFINED association type ids of
 * their default (unlabelled) associations as HubSpot documents them.
 */
public final class HubSpotObjectTypes {

    public static final String CONTACTS = "contacts";
    public static final String COMPANIES = "companies";
    public static final String DEALS = "deals";

    public static final Set<String> ALL = Set.of(CONTACTS, COMPANIES, DEALS);

    private static final Map<String, Integer> DEFAULT_ASSOCIATION_TYPE_IDS = Map.of(
            CONTACTS + "->" + COMPANIES, 279,
            COMPANIES + "->" + CONTACTS, 280,
            DEALS + "->" + CONTACTS, 3,
            CONTACTS + "->" + DEALS, 4,
            DEALS + "->" + COMPANIES, 341,
            COMPANIES + "->" + DEALS, 342);

    private static final Map<String, String> SINGULAR = Map.of(
            CONTACTS, "CONTACT", COMPANIES, "COMPANY", DEALS, "DEAL");

    private HubSpotObjectTypes() {
    }

    /** Checks the path segment; HubSpot answers an unknown type with exactly this message. */
    public static String require(String objectType) {
        if (!ALL.contains(objectType)) {
            throw RequestRejected.validation("Unable to infer object type from: " + objectType);
        }
        return objectType;
    }

    public static int defaultAssociationTypeId(String fromType, String toType) {
        Integer id = DEFAULT_ASSOCIATION_TYPE_IDS.get(fromType + "->" + toType);
        if (id == null) {
            throw RequestRejected.validation(
                    "No default association type exists between " + fromType + " and " + toType);
        }
        return id;
    }

    /** HubSpot names types in upper-case singular inside error messages (CONTACT, DEAL, ...). */
    public static String singularUpper(String objectType) {
        return SINGULAR.getOrDefault(objectType, objectType.toUpperCase(Locale.ROOT));
    }

    /** Contacts call it {@code lastmodifieddate}; the other standard objects {@code hs_lastmodifieddate}. */
    public static String lastModifiedProperty(String objectType) {
        return CONTACTS.equals(objectType) ? "lastmodifieddate" : "hs_lastmodifieddate";
    }
}
