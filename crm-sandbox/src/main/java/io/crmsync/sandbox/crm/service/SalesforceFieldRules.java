package io.crmsync.sandbox.crm.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks Salesforce applies to field values on every write (upsert, update, merge): e-mail syntax,
 * and lookup fields that must name a live record of the sObject they point at.
 */
final class SalesforceFieldRules {

    static final String ENTITY_IS_DELETED = "ENTITY_IS_DELETED";
    static final String DELETED_MESSAGE = "entity is deleted";
    static final String INVALID_CROSS_REFERENCE_KEY = "INVALID_CROSS_REFERENCE_KEY";
    static final String CROSS_REFERENCE_MESSAGE = "invalid cross reference id";

    private SalesforceFieldRules() {
    }

    static List<SalesforceError> check(SalesforceStore store, SalesforceObjectTypes.SObjectType type,
                                       Map<String, JsonNode> fields) {
        List<SalesforceError> errors = new ArrayList<>();
        JsonNode email = fields.get("Email");
        if (email != null && !email.isNull() && !email.asText().isEmpty() && !EmailAddresses.isValid(email.asText())) {
            errors.add(new SalesforceError("INVALID_EMAIL_ADDRESS", "Email: invalid email address: " + email.asText(),
                    List.of("Email")));
        }
        type.references().forEach((field, target) -> {
            JsonNode value = fields.get(field);
            if (value != null && !value.isNull() && !value.asText().isEmpty()) {
                reference(store, field, target, value.asText()).ifPresent(errors::add);
            }
        });
        return errors;
    }

    /** Why {@code id} cannot be stored in a lookup to {@code target}; empty when it names a live record. */
    static Optional<SalesforceError> reference(SalesforceStore store, String field, String target, String id) {
        if (!SalesforceIds.isWellFormed(id) || !SalesforceObjectTypes.ofId(id).map(t -> t.name().equals(target)).orElse(false)) {
            return Optional.of(new SalesforceError("MALFORMED_ID", target + " ID: id value of incorrect type: " + id,
                    List.of(field)));
        }
        Optional<SalesforceRecord> record = store.findById(target, id);
        if (record.isEmpty()) {
            return Optional.of(new SalesforceError(INVALID_CROSS_REFERENCE_KEY, CROSS_REFERENCE_MESSAGE, List.of(field)));
        }
        if (record.get().deleted()) {
            return Optional.of(new SalesforceError(ENTITY_IS_DELETED, DELETED_MESSAGE, List.of(field)));
        }
        return Optional.empty();
    }
}
