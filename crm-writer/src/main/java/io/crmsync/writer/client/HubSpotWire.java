package io.crmsync.writer.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;

/**
 * HubSpot CRM v3 objects and v4 associations request and response bodies, as the API defines them.
 * Registered for reflection: responses are read with {@code readEntity}, which a native image
 * cannot infer from the client interface.
 */
@RegisterForReflection(targets = {
        HubSpotWire.UpsertInput.class, HubSpotWire.BatchUpsertRequest.class, HubSpotWire.ReadInput.class,
        HubSpotWire.BatchReadRequest.class, HubSpotWire.ObjectId.class, HubSpotWire.AssociationInput.class,
        HubSpotWire.AssociationBatchRequest.class, HubSpotWire.ResultObject.class, HubSpotWire.BatchError.class,
        HubSpotWire.BatchResult.class, HubSpotWire.ErrorBody.class, HubSpotWire.MergeRequest.class})
public final class HubSpotWire {

    private HubSpotWire() {
    }

    /**
     * {@code SimplePublicObjectBatchInputUpsert}. {@code objectWriteTraceId} comes back in the
     * context of a per-input error, so a 207 can be matched to its input.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpsertInput(String idProperty, String id, Map<String, String> properties, String objectWriteTraceId) {
    }

    public record BatchUpsertRequest(List<UpsertInput> inputs) {
    }

    public record ReadInput(String id) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchReadRequest(String idProperty, List<ReadInput> inputs, List<String> properties) {
    }

    /** {@code PublicMergeInput}: the merged record disappears into the primary. */
    public record MergeRequest(String primaryObjectId, String objectIdToMerge) {
    }

    public record ObjectId(String id) {
    }

    public record AssociationInput(ObjectId from, ObjectId to) {
    }

    public record AssociationBatchRequest(List<AssociationInput> inputs) {
    }

    /** A record (a batch result entry, or a merge or GET answer); {@code new} only on upserts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResultObject(String id, Map<String, String> properties, @JsonProperty("new") Boolean created) {
    }

    /** One entry of {@code errors} in a 207 Multi-Status answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BatchError(String status, String category, String message, Map<String, List<String>> context) {

        public String firstContext(String name) {
            List<String> values = context == null ? null : context.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BatchResult(String status, List<ResultObject> results, List<BatchError> errors) {

        public List<ResultObject> resultsOrEmpty() {
            return results == null ? List.of() : results;
        }

        public List<BatchError> errorsOrEmpty() {
            return errors == null ? List.of() : errors;
        }
    }

    /** HubSpot's error body: {@code {"status":"error","message","category","correlationId"}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorBody(String status, String message, String category, String correlationId) {
    }
}
