package io.crmsync.sandbox.crm.service;

import java.util.List;

/** A per-record error inside a Salesforce save result. */
public record SalesforceError(String statusCode, String message, List<String> fields) {
}
