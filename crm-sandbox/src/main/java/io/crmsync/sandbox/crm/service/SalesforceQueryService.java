package io.crmsync.sandbox.crm.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers {@code GET /query?q=} for the {@link SoqlQuery} subset over one account's live records
 * (records merged away are deleted: only {@code queryAll} would see them, which the sandbox does
 * not offer). Text comparisons are case-insensitive and ids exact, as in SOQL.
 */
@ApplicationScoped
public class SalesforceQueryService {

    private final AccountRegistry registry;

    public SalesforceQueryService(AccountRegistry registry) {
        this.registry = registry;
    }

    /** @param rows the matching records, each with the selected fields by their Salesforce names */
    public record QueryAnswer(String sObject, List<Row> rows) {
    }

    public record Row(String id, Map<String, Object> fields) {
    }

    public QueryAnswer query(String account, String soql) {
        SoqlQuery query = SoqlParser.parse(soql);
        SalesforceObjectTypes.SObjectType type = SalesforceObjectTypes.findIgnoringCase(query.sObject().name())
                .orElseThrow(() -> RequestRejected.validation("INVALID_TYPE", SoqlParser.errorAt(soql, query.sObject().offset(),
                        "sObject type '" + query.sObject().name() + "' is not supported. If you are attempting to use a "
                                + "custom object, be sure to append the '__c' after the entity name. Please reference "
                                + "your WSDL or the describe call for the appropriate names.")));
        AccountState state = registry.account(account);
        return state.withLock(() -> {
            List<SalesforceRecord> records = state.salesforce().list(type.name());
            List<String> selected = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (SoqlQuery.Name field : query.fields()) {
                String name = resolve(soql, type, records, field);
                if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                    throw RequestRejected.validation(SoqlParser.MALFORMED_QUERY,
                            SoqlParser.errorAt(soql, field.offset(), "duplicate field selected: " + name));
                }
                selected.add(name);
            }
            String where = query.where() == null ? null : resolve(soql, type, records, query.where());
            Set<String> wanted = query.values().stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            List<Row> rows = new ArrayList<>();
            for (SalesforceRecord record : records) {
                if (where != null && !matches(type, record, where, query.values(), wanted)) {
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                selected.forEach(name -> fields.put(name, value(type, record, name)));
                rows.add(new Row(record.id(), fields));
            }
            return new QueryAnswer(type.name(), rows);
        });
    }

    /** The field as Salesforce spells it; standard, custom (…__c) or written to a record of this sObject. */
    private static String resolve(String soql, SalesforceObjectTypes.SObjectType type, List<SalesforceRecord> records,
                                  SoqlQuery.Name field) {
        Optional<String> standard = type.standardField(field.name());
        if (standard.isPresent()) {
            return standard.get();
        }
        for (SalesforceRecord record : records) {
            String stored = record.storedName(field.name());
            if (stored != null) {
                return stored;
            }
        }
        if (field.name().endsWith("__c")) {
            return field.name();
        }
        throw RequestRejected.validation("INVALID_FIELD", SoqlParser.errorAt(soql, field.offset(),
                "No such column '" + field.name() + "' on entity '" + type.name() + "'. If you are attempting to use "
                        + "a custom field, be sure to append the '__c' after the custom field name. Please reference "
                        + "your WSDL or the describe call for the appropriate names."));
    }

    private static boolean matches(SalesforceObjectTypes.SObjectType type, SalesforceRecord record, String field,
                                   List<String> values, Set<String> lowerCased) {
        Object actual = value(type, record, field);
        if (actual == null) {
            return false;
        }
        String text = actual instanceof JsonNode node ? node.asText() : actual.toString();
        return "Id".equals(field) ? values.contains(text) : lowerCased.contains(text.toLowerCase(Locale.ROOT));
    }

    /** A selected field's value: system fields computed, the others as written (null when never set). */
    private static Object value(SalesforceObjectTypes.SObjectType type, SalesforceRecord record, String field) {
        switch (field) {
            case "Id":
                return record.id();
            case "IsDeleted":
                return false;
            case "CreatedDate":
                return Timestamps.salesforce(record.createdAt());
            case "LastModifiedDate", "SystemModstamp":
                return Timestamps.salesforce(record.updatedAt());
            default:
                break;
        }
        String stored = record.storedName(field);
        if (stored != null) {
            return record.field(stored);
        }
        if ("Name".equals(field) && type.standard().contains("FirstName")) {
            // Contact and Lead names are compound: FirstName LastName.
            String name = java.util.stream.Stream.of(record.field("FirstName"), record.field("LastName"))
                    .filter(v -> v != null && !v.isNull() && !v.asText().isBlank())
                    .map(JsonNode::asText)
                    .collect(Collectors.joining(" "));
            return name.isEmpty() ? null : name;
        }
        return null;
    }
}
