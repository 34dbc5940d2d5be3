package io.crmsync.writer.client;

/** 5xx, 408, a timeout or a refused connection: worth retrying later. */
public class CrmUnavailableException extends CrmCallException {

    public CrmUnavailableException(String message) {
        super(message, null);
    }

    public CrmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "unavailable";
    }
}
