package io.crmsync.writer.service;

import io.crmsync.contract.command.CrmRecordUpsert;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * One consumed command.
 *
 * @param index its position in the lane's drain, to settle it
 * @param attempt 1 the first time its lane tries it, one more per retry
 * @param trace the trace context the record carried, parent of the CRM call made for it
 */
public record IncomingCommand(int index, CrmRecordUpsert command, Context trace, int attempt) {

    /** The W3C trace id, or null when the record carried no trace context. */
    public String traceId() {
        var context = Span.fromContext(trace).getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
