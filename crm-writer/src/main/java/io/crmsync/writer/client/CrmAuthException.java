package io.crmsync.writer.client;

/** 401/403, or no access token in the tenant registry: retrying will not help until someone acts. */
public class CrmAuthException extends CrmCallException {

    public CrmAuthException(String message) {
        super(message, null);
    }

    @Override
    public String kind() {
        return "auth";
    }
}
