package io.crmsync.writer.rest;

import io.crmsync.writer.service.AuditPage;

import java.util.List;

/** {@code {"items": [...], "next": <id or null>}}: pass {@code next} as {@code before} for the next page. */
public record AuditPageView(List<AuditEntryView> items, Long next) {

    static AuditPageView of(AuditPage page) {
        return new AuditPageView(page.rows().stream().map(AuditEntryView::of).toList(), page.next());
    }
}
