package io.crmsync.writer.service;

/** A page cursor ({@code before}) names no audit row of the tenant searched. */
public class AuditCursorNotFoundException extends RuntimeException {

    public AuditCursorNotFoundException(String tenant) {
        super("before names no audit row of tenant " + tenant, null, false, false);
    }
}
