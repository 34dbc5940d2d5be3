package io.crmsync.writer.rest;

import io.crmsync.writer.service.DeadLetterListing;

import java.util.List;

/** {@code {"items": [...], "truncated": false}}: oldest first; truncated when more matched (narrow the range). */
public record DeadLetterListView(List<DeadLetterView> items, boolean truncated) {

    static DeadLetterListView of(DeadLetterListing listing) {
        return new DeadLetterListView(listing.items().stream().map(DeadLetterView::of).toList(), listing.truncated());
    }
}
