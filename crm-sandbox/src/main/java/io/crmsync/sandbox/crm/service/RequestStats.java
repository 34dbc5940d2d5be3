package io.crmsync.sandbox.crm.service;

import java.util.Map;
import java.util.TreeMap;

/** Counts one account's CRM API requests by status and by endpoint template. */
public final class RequestStats {

    private long total;
    private final Map<String, Long> byStatus = new TreeMap<>();
    private final Map<String, Long> byEndpoint = new TreeMap<>();

    public synchronized void record(String endpoint, int status) {
        total++;
        byStatus.merge(Integer.toString(status), 1L, Long::sum);
        byEndpoint.merge(endpoint, 1L, Long::sum);
    }

    public synchronized View view() {
        return new View(total, new TreeMap<>(byStatus), new TreeMap<>(byEndpoint));
    }

    /** Wire shape of {@code accounts.<name>.requests} in {@code GET /_sandbox/stats}. */
    public record View(long total, Map<String, Long> byStatus, Map<String, Long> byEndpoint) {
    }
}
