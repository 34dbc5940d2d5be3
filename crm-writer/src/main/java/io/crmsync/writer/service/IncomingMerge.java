package io.crmsync.writer.service;

import io.crmsync.contract.command.CrmRecordMerge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * One consumed merge command.
 *
 * @param index its position in the lane's drain, to settle it
 * @param attempt 1 the first time its lane tries it, one more per retry
 * @param trace the trace context the record carried, parent of the CRM calls made for it
 */
public record IncomingMerge(int index, CrmRecordMerge merge, Context trace, int attempt) {

    /**
     * The W3C trace id the record carried; when it carried none, that of the span the writer runs
     * it in (a trace of its own), so every audit row names a trace. Null outside any span.
     */
    public String traceId() {
        var context = Span.fromContext(trace).getSpanContext();
        if (!context.isValid()) {
            context = Span.current().getSpanContext();
        }
        return context.isValid() ? context.getTraceId() : null;
    }
}
