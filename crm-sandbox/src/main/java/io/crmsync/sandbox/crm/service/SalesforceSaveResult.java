package io.crmsync.sandbox.crm.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One element of the array an sObject Collections upsert or update answers with. Failures carry no
 * {@code id} and no {@code created}, and updates no {@code created}, exactly as Salesforce omits them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SalesforceSaveResult(String id, boolean success, List<SalesforceError> errors, Boolean created) {

    public static SalesforceSaveResult saved(String id, boolean created) {
        return new SalesforceSaveResult(id, true, List.of(), created);
    }

    public static SalesforceSaveResult updated(String id) {
        return new SalesforceSaveResult(id, true, List.of(), null);
    }

    public static SalesforceSaveResult failed(List<SalesforceError> errors) {
        return new SalesforceSaveResult(null, false, List.copyOf(errors), null);
    }
}
