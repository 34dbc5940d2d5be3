package io.crmsync.sandbox.storefront.service;

import io.crmsync.sandbox.storefront.DeliveryRecord;
import io.crmsync.sandbox.storefront.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent webhook delivery attempts, oldest first; bounded so a benchmark cannot exhaust the heap. */
@ApplicationScoped
public class DeliveryLog {

    private final int capacity;
    private final Deque<DeliveryRecord> records = new ArrayDeque<>();

    public DeliveryLog(SimulatorConfig config) {
        this.capacity = config.delivery().logSize();
    }

    public synchronized void add(DeliveryRecord record) {
        if (records.size() == capacity) {
            records.removeFirst();
        }
        records.addLast(record);
    }

    /** Attempts of one store, or of all stores when {@code storeId} is null. */
    public synchronized List<DeliveryRecord> list(String storeId) {
        return records.stream().filter(r -> storeId == null || r.storeId().equals(storeId)).toList();
    }

    public synchronized void clear() {
        records.clear();
    }
}
