package io.crmsync.writer.service;

import io.crmsync.contract.command.CrmRecordMerge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * One consumed merge command.
 *
 * @param index position of its record in the consumed batch, to acknowledge or dead-letter it
 * @param trace the trace context the record carried, parent of the CRM calls made for it
 */
public record IncomingMerge(int index, CrmRecordMerge merge, Context trace) {

    /** The W3C trace id, or null when the record carried no trace context. */
    public String traceId() {
        var context = Span.fromContext(trace).getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
