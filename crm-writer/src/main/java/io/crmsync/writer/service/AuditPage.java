package io.crmsync.writer.service;

import io.crmsync.writer.WriteAudit;

import java.util.List;

/** One page of audit rows, newest first; {@code next} is the {@code before} of the next page, null on the last. */
public record AuditPage(List<WriteAudit> rows, Long next) {
}
