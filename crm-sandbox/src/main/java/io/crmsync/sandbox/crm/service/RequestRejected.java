package io.crmsync.sandbox.crm.service;

import java.util.List;
import java.util.Map;

/**
 * A whole request refused by the simulated CRM (as opposed to per-record errors, which are part
 * of a successful batch response). Each dialect renders it in its own error format.
 *
 * @param code the Salesforce errorCode; HubSpot derives its category from {@link Kind}
 */
public final class RequestRejected extends RuntimeException {

    public enum Kind {
        VALIDATION,
        NOT_FOUND
    }

    private final Kind kind;
    private final String code;
    private final Map<String, List<String>> context;

    public RequestRejected(Kind kind, String code, String message, Map<String, List<String>> context) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.context = context == null ? Map.of() : Map.copyOf(context);
    }

    public static RequestRejected validation(String message) {
        return new RequestRejected(Kind.VALIDATION, "INVALID_INPUT", message, Map.of());
    }

    public static RequestRejected validation(String code, String message) {
        return new RequestRejected(Kind.VALIDATION, code, message, Map.of());
    }

    public static RequestRejected notFound(String message) {
        return new RequestRejected(Kind.NOT_FOUND, "NOT_FOUND", message, Map.of());
    }

    public static RequestRejected notFound(String code, String message) {
        return new RequestRejected(Kind.NOT_FOUND, code, message, Map.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, List<String>> context() {
        return context;
    }
}
