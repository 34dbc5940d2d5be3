package io.crmsync.writer.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Salesforce REST request and response bodies the writer uses (sObject Collections, SOQL, error
 * arrays) and the SOAP merge result. Records are maps: an sObject is {@code attributes} plus its
 * fields by API name, which no fixed record type can hold. Registered for reflection: responses are
 * read with {@code readEntity}, which a native image cannot infer from the client interface.
 */
@RegisterForReflection(targets = {
        SalesforceWire.CollectionRequest.class, SalesforceWire.SaveResult.class, SalesforceWire.Error.class,
        SalesforceWire.QueryResult.class, SalesforceWire.ApiError.class, SalesforceWire.MergeResult.class})
public final class SalesforceWire {

    private SalesforceWire() {
    }

    /** Body of a Collections upsert or update: at most 200 records, each with {@code attributes.type}. */
    public record CollectionRequest(boolean allOrNone, List<Map<String, Object>> records) {
    }

    /** One element of a Collections answer, in request order; {@code created} only on upserts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SaveResult(String id, boolean success, List<Error> errors, Boolean created) {

        public List<Error> errorsOrEmpty() {
            return errors == null ? List.of() : errors;
        }

        /** {@code STATUS_CODE: message; …}, what the writer reports for a refused record. */
        public String describeErrors() {
            return errorsOrEmpty().isEmpty() ? "Salesforce refused the record without saying why"
                    : errorsOrEmpty().stream().map(e -> e.statusCode() + ": " + e.message()).collect(Collectors.joining("; "));
        }

        public String firstStatusCode() {
            return errorsOrEmpty().isEmpty() ? null : errorsOrEmpty().get(0).statusCode();
        }
    }

    /** A per-record (or per-merge) error. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(String statusCode, String message, List<String> fields) {
    }

    /** A SOQL answer; records carry {@code attributes} and the selected fields. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QueryResult(int totalSize, boolean done, List<Map<String, Object>> records, String nextRecordsUrl) {

        public List<Map<String, Object>> recordsOrEmpty() {
            return records == null ? List.of() : records;
        }
    }

    /** One element of a REST error answer, {@code [{"message","errorCode"}]}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApiError(String message, String errorCode) {
    }

    /** The SOAP API's {@code MergeResult}. */
    public record MergeResult(String id, boolean success, List<String> mergedRecordIds, List<String> updatedRelatedIds,
                              List<Error> errors) {

        public MergeResult {
            mergedRecordIds = List.copyOf(mergedRecordIds);
            updatedRelatedIds = List.copyOf(updatedRelatedIds);
            errors = List.copyOf(errors);
        }
    }
}
