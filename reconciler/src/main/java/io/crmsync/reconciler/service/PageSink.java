package io.crmsync.reconciler.service;

import java.util.List;

/** Receives a poll's pages in order; returns only once the page is durable downstream. */
@FunctionalInterface
public interface PageSink {

    void accept(List<PolledObject> page);
}
