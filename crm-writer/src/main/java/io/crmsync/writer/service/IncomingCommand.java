package io.crmsync.writer.service;

import io.crmsync.contract.command.CrmRecordUpsert;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * One consumed command.
 *
 * @param index position of its record in the consumed batch, to acknowledge or dead-letter it
 * @param trace the trace context the record carried, parent of the CRM call made for it
 */
public record IncomingCommand(int index, CrmRecordUpsert command, Context trace) {

    /** The W3C trace id, or null when the record carried no trace context. */
    public String traceId() {
        var context = Span.fromContext(trace).getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
