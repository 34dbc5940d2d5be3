package io.crmsync.sandbox.crm.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmsync.sandbox.crm.service.HubSpotAssociation;
import io.crmsync.sandbox.crm.service.HubSpotBatchError;
import io.crmsync.sandbox.crm.service.HubSpotBatchOutcome;
import io.crmsync.sandbox.crm.service.HubSpotObject;
import io.crmsync.sandbox.crm.service.HubSpotObjectTypes;
import io.crmsync.sandbox.crm.service.HubSpotUpsertResult;
import io.crmsync.sandbox.crm.service.Timestamps;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** HubSpot's response shapes (SimplePublicObject, BatchResponse, PublicDefaultAssociation). */
final class HubSpotWire {

    private HubSpotWire() {
    }

    /** {@code SimplePublicObject}: what GET, batch read and merge return for a record. */
    record SimplePublicObject(String id, Map<String, String> properties, String createdAt, String updatedAt,
                              boolean archived) {
    }

    /** {@code SimplePublicUpsertObject}: a record plus whether the upsert created it. */
    record UpsertedObject(String id, Map<String, String> properties, String createdAt, String updatedAt,
                          boolean archived, @JsonProperty("new") boolean created) {
    }

    /** {@code BatchResponse*}: {@code numErrors}/{@code errors} appear only on a 207. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchResponse<T>(String status, List<T> results, Integer numErrors, List<HubSpotBatchError> errors,
                            String startedAt, String completedAt) {
    }

    record ObjectId(String id) {
    }

    record AssociationSpec(String associationCategory, int associationTypeId) {
    }

    /** {@code PublicDefaultAssociation} */
    record DefaultAssociation(ObjectId from, ObjectId to, AssociationSpec associationSpec) {
    }

    /**
     * Shape of {@code GET /_sandbox/hubspot/{account}/objects/{type}} elements (a sandbox contract, not HubSpot's).
     * {@code createdAt}/{@code updatedAt} (additive) tell when the CRM wrote the record, which the benchmarks need.
     */
    record SandboxObject(String id, Map<String, String> properties, Map<String, List<String>> associations,
                         String createdAt, String updatedAt) {
    }

    static SimplePublicObject simple(HubSpotObject object, List<String> requestedProperties) {
        return new SimplePublicObject(object.id(), properties(object, requestedProperties),
                Timestamps.hubspot(object.createdAt()), Timestamps.hubspot(object.updatedAt()), false);
    }

    static UpsertedObject upserted(HubSpotUpsertResult result) {
        HubSpotObject object = result.object();
        return new UpsertedObject(object.id(), properties(object, List.of()), Timestamps.hubspot(object.createdAt()),
                Timestamps.hubspot(object.updatedAt()), false, result.created());
    }

    static DefaultAssociation association(HubSpotAssociation association) {
        return new DefaultAssociation(new ObjectId(association.fromId()), new ObjectId(association.toId()),
                new AssociationSpec("HUBSPOT_DEFINED", association.associationTypeId()));
    }

    static SandboxObject sandbox(HubSpotObject object) {
        return new SandboxObject(object.id(), new TreeMap<>(object.properties()), object.associations(),
                Timestamps.hubspot(object.createdAt()), Timestamps.hubspot(object.updatedAt()));
    }

    static <S, T> BatchResponse<T> batch(HubSpotBatchOutcome<S> outcome, Function<S, T> render) {
        List<T> results = outcome.results().stream().map(render).toList();
        boolean partial = outcome.partial();
        return new BatchResponse<>("COMPLETE", results,
                partial ? outcome.errors().size() : null, partial ? outcome.errors() : null,
                Timestamps.hubspot(outcome.startedAt()), Timestamps.hubspot(outcome.completedAt()));
    }

    /**
     * HubSpot always returns hs_object_id, createdate and the last-modified property. When the
     * client names properties, it gets exactly those (null when unset); otherwise every stored one.
     */
    private static Map<String, String> properties(HubSpotObject object, List<String> requested) {
        Map<String, String> all = new TreeMap<>(object.properties());
        Map<String, String> defaults = Map.of(
                "hs_object_id", object.id(),
                "createdate", Timestamps.hubspot(object.createdAt()),
                HubSpotObjectTypes.lastModifiedProperty(object.objectType()), Timestamps.hubspot(object.updatedAt()));
        all.putAll(defaults);
        if (requested == null || requested.isEmpty()) {
            return all;
        }
        Map<String, String> picked = new TreeMap<>(defaults);
        requested.forEach(name -> picked.put(name, all.get(name)));
        return picked;
    }
}
