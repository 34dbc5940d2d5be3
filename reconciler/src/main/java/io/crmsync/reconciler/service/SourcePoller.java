package io.crmsync.reconciler.service;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;

import java.time.Instant;
import java.util.List;

/**
 * Lists what changed in one platform's stores since a point in time. One implementation per
 * platform (CDI bean); each object type it lists has its own cursor per store.
 */
public interface SourcePoller {

    Platform platform();

    /** Canonical object types this poller can list ({@code order}, later {@code customer}, ...). */
    List<String> objectTypes();

    /**
     * Lists the objects of {@code objectType} modified at or after {@code since}, oldest change
     * first, handing each page to {@code pages} before the next one is fetched.
     *
     * @throws SourceUnavailableException when the store's API cannot be read to the end
     */
    void poll(Store store, String objectType, Instant since, PageSink pages);
}
