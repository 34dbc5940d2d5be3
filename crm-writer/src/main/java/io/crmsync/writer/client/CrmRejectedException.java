package io.crmsync.writer.client;

/** Another 4xx: the CRM refused the request as it was written (a validation error). */
public class CrmRejectedException extends CrmCallException {

    private final String category;

    public CrmRejectedException(String message, String category) {
        super(message, null);
        this.category = category;
    }

    /** The CRM's error category, e.g. {@code VALIDATION_ERROR}; may be null. */
    public String category() {
        return category;
    }

    @Override
    public String kind() {
        return "rejected";
    }
}
