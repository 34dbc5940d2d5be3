package io.crmsync.sandbox.crm.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The two CRMs format instants differently; both always carry milliseconds. */
public final class Timestamps {

    private static final DateTimeFormatter HUBSPOT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SALESFORCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** e.g. {@code 2024-05-01T10:15:30.123Z} */
    public static String hubspot(Instant instant) {
        return HUBSPOT.format(instant);
    }

    /** e.g. {@code 2024-05-01T10:15:30.123+0000} */
    public static String salesforce(Instant instant) {
        return SALESFORCE.format(instant);
    }
}
