package io.crmsync.sandbox.crm.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HubSpot CRM v3 objects and v4 associations semantics over the in-memory store: upsert by a
 * unique property, batch read, merge and default associations. Each call runs under its
 * account's lock, so a batch is applied as a unit even when the writer sends batches concurrently.
 */
@ApplicationScoped
public class HubSpotService {

    public static final int MAX_BATCH_INPUTS = 100;
    public static final int MAX_ASSOCIATION_INPUTS = 2000;
    /** A deal created with this property set to {@value #BACKFILL} does not trigger the deal automation. */
    public static final String SYNC_MODE_PROPERTY = "crmsync_sync_mode";
    public static final String BACKFILL = "backfill";
    public static final String CUSTOM_UNIQUE_PREFIX = "crmsync_";

    private final AccountRegistry registry;
    private final ObjectMapper json;

    public HubSpotService(AccountRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    public HubSpotBatchOutcome<HubSpotUpsertResult> upsert(String account, String objectType,
                                                          List<HubSpotUpsertInput> inputs) {
        HubSpotObjectTypes.require(objectType);
        requireBatchSize(inputs.size(), MAX_BATCH_INPUTS);
        rejectDuplicateIds(inputs);
        AccountState state = registry.account(account);
        Instant startedAt = Instant.now();
        return state.withLock(() -> {
            List<HubSpotUpsertResult> results = new ArrayList<>();
            List<HubSpotBatchError> errors = new ArrayList<>();
            for (HubSpotUpsertInput input : inputs) {
                Optional<HubSpotBatchError> invalid = validate(objectType, input);
                if (invalid.isPresent()) {
                    errors.add(invalid.get());
                    continue;
                }
                results.add(apply(state, objectType, input, Instant.now()));
            }
            return new HubSpotBatchOutcome<>(results, errors, startedAt, Instant.now());
        });
    }

    public HubSpotBatchOutcome<HubSpotObject> read(String account, String objectType, String idProperty,
                                                   List<String> ids) {
        HubSpotObjectTypes.require(objectType);
        requireBatchSize(ids.size(), MAX_BATCH_INPUTS);
        AccountState state = registry.account(account);
        Instant startedAt = Instant.now();
        return state.withLock(() -> {
            Map<String, HubSpotObject> found = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String id : ids) {
                Optional<HubSpotRecord> record = lookup(state.hubspot(), objectType, id, idProperty);
                if (record.isPresent()) {
                    found.putIfAbsent(record.get().id(), record.get().snapshot());
                } else {
                    missing.add(id);
                }
            }
            List<HubSpotBatchError> errors = missing.isEmpty() ? List.of() : List.of(HubSpotBatchError.of(
                    "OBJECT_NOT_FOUND",
                    "Could not get some " + HubSpotObjectTypes.singularUpper(objectType)
                            + " objects, they may be deleted or not exist. Check that ids are valid.",
                    Map.of("ids", List.copyOf(missing))));
            return new HubSpotBatchOutcome<>(List.copyOf(found.values()), errors, startedAt, Instant.now());
        });
    }

    public HubSpotObject get(String account, String objectType, String id, String idProperty) {
        HubSpotObjectTypes.require(objectType);
        AccountState state = registry.account(account);
        return state.withLock(() -> lookup(state.hubspot(), objectType, id, idProperty)
                .map(HubSpotRecord::snapshot)
                .orElseThrow(() -> objectNotFound(id)));
    }

    /**
     * v4 default associations. Like HubSpot, an input naming an unknown record fails the whole
     * call (400 "One or more associations are invalid") and nothing is written. Each input yields
     * two results, one per direction, because HubSpot associations are bidirectional.
     */
    public HubSpotBatchOutcome<HubSpotAssociation> associateDefault(String account, String fromType, String toType,
                                                                   List<HubSpotAssociationInput> inputs) {
        HubSpotObjectTypes.require(fromType);
        HubSpotObjectTypes.require(toType);
        int forwardTypeId = HubSpotObjectTypes.defaultAssociationTypeId(fromType, toType);
        int reverseTypeId = HubSpotObjectTypes.defaultAssociationTypeId(toType, fromType);
        requireBatchSize(inputs.size(), MAX_ASSOCIATION_INPUTS);
        AccountState state = registry.account(account);
        Instant startedAt = Instant.now();
        return state.withLock(() -> {
            HubSpotStore store = state.hubspot();
            List<String> invalid = new ArrayList<>();
            List<HubSpotRecord[]> pairs = new ArrayList<>();
            for (HubSpotAssociationInput input : inputs) {
                Optional<HubSpotRecord> from = findById(store, fromType, input.fromId());
                Optional<HubSpotRecord> to = findById(store, toType, input.toId());
                if (from.isEmpty()) {
                    invalid.add(HubSpotObjectTypes.singularUpper(fromType) + "=" + input.fromId() + " is not valid");
                }
                if (to.isEmpty()) {
                    invalid.add(HubSpotObjectTypes.singularUpper(toType) + "=" + input.toId() + " is not valid");
                }
                if (from.isPresent() && to.isPresent()) {
                    pairs.add(new HubSpotRecord[] {from.get(), to.get()});
                }
            }
            if (!invalid.isEmpty()) {
                throw new RequestRejected(RequestRejected.Kind.VALIDATION, "INVALID_OBJECT_IDS",
                        "One or more associations are invalid", Map.of("INVALID_OBJECT_IDS", List.copyOf(invalid)));
            }
            List<HubSpotAssociation> results = new ArrayList<>();
            for (HubSpotRecord[] pair : pairs) {
                pair[0].associate(toType, pair[1].id());
                pair[1].associate(fromType, pair[0].id());
                results.add(new HubSpotAssociation(pair[0].id(), pair[1].id(), forwardTypeId));
                results.add(new HubSpotAssociation(pair[1].id(), pair[0].id(), reverseTypeId));
            }
            return new HubSpotBatchOutcome<>(results, List.of(), startedAt, Instant.now());
        });
    }

    /**
     * Merges {@code mergedId} into {@code primaryId}: the primary keeps its values and gains the
     * ones it lacks, takes over every association, and the merged id keeps resolving to the
     * primary. As in HubSpot, a merged contact's e-mail lives on in {@code hs_additional_emails}.
     */
    public HubSpotObject merge(String account, String objectType, String primaryId, String mergedId) {
        HubSpotObjectTypes.require(objectType);
        if (isBlank(primaryId) || isBlank(mergedId)) {
            throw RequestRejected.validation("primaryObjectId and objectIdToMerge are required");
        }
        AccountState state = registry.account(account);
        return state.withLock(() -> {
            HubSpotStore store = state.hubspot();
            HubSpotRecord primary = findById(store, objectType, primaryId).orElseThrow(() -> objectNotFound(primaryId));
            HubSpotRecord merged = findById(store, objectType, mergedId).orElseThrow(() -> objectNotFound(mergedId));
            if (primary == merged) {
                throw RequestRejected.validation("Cannot merge an object with itself: " + primary.id());
            }
            Instant now = Instant.now();
            primary.mergeProperties(absorbedProperties(primary, merged), now);
            moveAssociations(store, objectType, merged, primary);
            store.removeMerged(merged, primary);
            return primary.snapshot();
        });
    }

    /** Snapshot of every record of a type, in creation order (for the sandbox inspection endpoint). */
    public List<HubSpotObject> list(String account, String objectType) {
        return registry.find(account)
                .map(state -> state.withLock(() -> state.hubspot().list(objectType).stream()
                        .map(HubSpotRecord::snapshot)
                        .sorted(Comparator.comparingLong(o -> Long.parseLong(o.id())))
                        .toList()))
                .orElse(List.of());
    }

    public static boolean isAcceptedIdProperty(String objectType, String idProperty) {
        return ("email".equals(idProperty) && HubSpotObjectTypes.CONTACTS.equals(objectType))
                || (idProperty != null && idProperty.startsWith(CUSTOM_UNIQUE_PREFIX)
                        && idProperty.length() > CUSTOM_UNIQUE_PREFIX.length());
    }

    private HubSpotUpsertResult apply(AccountState state, String objectType, HubSpotUpsertInput input, Instant now) {
        HubSpotStore store = state.hubspot();
        Map<String, String> properties = stringValues(input.properties());
        Optional<HubSpotRecord> existing = store.findByProperty(objectType, input.idProperty(), input.id());
        if (existing.isPresent()) {
            existing.get().mergeProperties(properties, now);
            return new HubSpotUpsertResult(existing.get().snapshot(), false);
        }
        // The unique property is what identifies the record next time, so a created record always carries it.
        properties.putIfAbsent(input.idProperty(), input.id());
        HubSpotRecord created = store.create(objectType, properties, now);
        if (HubSpotObjectTypes.DEALS.equals(objectType)
                && !BACKFILL.equalsIgnoreCase(created.property(SYNC_MODE_PROPERTY))) {
            state.automationFired();
        }
        return new HubSpotUpsertResult(created.snapshot(), true);
    }

    private Optional<HubSpotBatchError> validate(String objectType, HubSpotUpsertInput input) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (input.id() != null) {
            context.put("id", List.of(input.id()));
        }
        if (input.objectWriteTraceId() != null) {
            context.put("objectWriteTraceId", List.of(input.objectWriteTraceId()));
        }
        if (isBlank(input.id())) {
            return Optional.of(validationError("Invalid input: each upsert input needs a non-empty id", context));
        }
        if (isBlank(input.idProperty())) {
            return Optional.of(validationError("Invalid input: idProperty is required to upsert", context));
        }
        if (!isAcceptedIdProperty(objectType, input.idProperty())) {
            return Optional.of(validationError("Property \"" + input.idProperty() + "\" is not a unique identifier for "
                    + objectType + "; use email (contacts only) or a unique crmsync_* property", context));
        }
        List<Map<String, Object>> problems = new ArrayList<>();
        Map<String, JsonNode> properties = input.properties() == null ? Map.of() : input.properties();
        properties.forEach((name, value) -> {
            if (value == null || !(value.isTextual() || value.isNumber() || value.isBoolean())) {
                problems.add(problem(name, "INVALID_PROPERTY_VALUE",
                        "Property \"" + name + "\" must be a string, number or boolean, not " + describe(value)));
            }
        });
        boolean contacts = HubSpotObjectTypes.CONTACTS.equals(objectType);
        if (contacts && "email".equals(input.idProperty()) && !EmailAddresses.isValid(input.id())) {
            problems.add(problem("email", "INVALID_EMAIL", "Email address " + input.id() + " is invalid"));
        }
        JsonNode email = properties.get("email");
        if (contacts && email != null && email.isTextual() && !email.asText().isEmpty()
                && !EmailAddresses.isValid(email.asText())) {
            problems.add(problem("email", "INVALID_EMAIL", "Email address " + email.asText() + " is invalid"));
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        context.put("propertyName", problems.stream().map(p -> (String) p.get("name")).distinct().toList());
        return Optional.of(validationError("Property values were not valid: " + toJson(problems), context));
    }

    /** HubSpot refuses a whole batch whose inputs repeat an id, before writing anything. */
    private static void rejectDuplicateIds(List<HubSpotUpsertInput> inputs) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (HubSpotUpsertInput input : inputs) {
            if (isBlank(input.id()) || isBlank(input.idProperty())) {
                continue;
            }
            String value = "email".equals(input.idProperty()) ? EmailAddresses.normalize(input.id()) : input.id();
            if (!seen.add(input.idProperty() + '\u0000' + value)) {
                duplicates.add(input.id());
            }
        }
        if (!duplicates.isEmpty()) {
            throw RequestRejected.validation("Duplicate IDs found in batch input: " + duplicates + ". IDs must be unique");
        }
    }

    private static void requireBatchSize(int size, int max) {
        if (size > max) {
            throw RequestRejected.validation(
                    "Too many inputs: " + size + ". Batch requests accept at most " + max + " inputs");
        }
    }

    private static Optional<HubSpotRecord> lookup(HubSpotStore store, String objectType, String id, String idProperty) {
        if (id == null) {
            return Optional.empty();
        }
        if (isBlank(idProperty) || "hs_object_id".equals(idProperty)) {
            return store.findById(objectType, id);
        }
        return store.findByProperty(objectType, idProperty, id);
    }

    private static Optional<HubSpotRecord> findById(HubSpotStore store, String objectType, String id) {
        return id == null ? Optional.empty() : store.findById(objectType, id);
    }

    private static Map<String, String> absorbedProperties(HubSpotRecord primary, HubSpotRecord merged) {
        Map<String, String> absorbed = new LinkedHashMap<>();
        merged.properties().forEach((name, value) -> {
            String current = primary.property(name);
            if ((current == null || current.isEmpty()) && value != null && !value.isEmpty()) {
                absorbed.put(name, value);
            }
        });
        String mergedEmail = merged.property("email");
        String primaryEmail = primary.property("email");
        if (mergedEmail != null && !mergedEmail.isEmpty() && primaryEmail != null && !primaryEmail.isEmpty()
                && !EmailAddresses.normalize(mergedEmail).equals(EmailAddresses.normalize(primaryEmail))) {
            absorbed.put("hs_additional_emails", joinSemicolon(primary.property("hs_additional_emails"), mergedEmail));
        }
        absorbed.put("hs_merged_object_ids", joinSemicolon(
                joinSemicolon(primary.property("hs_merged_object_ids"), merged.property("hs_merged_object_ids")),
                merged.id()));
        return absorbed;
    }

    private static void moveAssociations(HubSpotStore store, String objectType, HubSpotRecord merged,
                                         HubSpotRecord primary) {
        merged.associations().forEach((otherType, ids) -> {
            for (String otherId : ids) {
                store.findById(otherType, otherId).ifPresent(other -> {
                    other.dissociate(objectType, merged.id());
                    other.associate(objectType, primary.id());
                });
                primary.associate(otherType, otherId);
            }
        });
    }

    private static Map<String, String> stringValues(Map<String, JsonNode> properties) {
        Map<String, String> values = new LinkedHashMap<>();
        if (properties != null) {
            // HubSpot stores every property value as a string, numbers and booleans included.
            properties.forEach((name, value) -> values.put(name, value.asText()));
        }
        return values;
    }

    private static RequestRejected objectNotFound(String id) {
        return new RequestRejected(RequestRejected.Kind.NOT_FOUND, "OBJECT_NOT_FOUND",
                "Object not found.  objectId are usually numeric.", Map.of("id", List.of(String.valueOf(id))));
    }

    private static HubSpotBatchError validationError(String message, Map<String, List<String>> context) {
        return HubSpotBatchError.of("VALIDATION_ERROR", message, Map.copyOf(context));
    }

    private static Map<String, Object> problem(String name, String error, String message) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("isValid", false);
        problem.put("message", message);
        problem.put("error", error);
        problem.put("name", name);
        return problem;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static String describe(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String joinSemicolon(String existing, String addition) {
        if (isBlank(existing)) {
            return addition == null ? "" : addition;
        }
        return isBlank(addition) ? existing : existing + ";" + addition;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
