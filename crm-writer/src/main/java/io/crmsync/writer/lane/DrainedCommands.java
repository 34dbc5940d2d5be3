package io.crmsync.writer.lane;

import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.writer.service.IncomingCommand;
import io.crmsync.writer.service.IncomingMerge;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands of one drain, decoded from their inbox rows. Index {@code i} is row {@code i}. The
 * consumer validated every row before storing it, so a row that no longer decodes is a contract
 * violation (it is dead-lettered as such).
 */
final class DrainedCommands {

    private static final TextMapGetter<InboxRecord> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(InboxRecord record) {
            return record.headers().stream().map(InboxRecord.RecordHeader::name).toList();
        }

        @Override
        public String get(InboxRecord record, String key) {
            return record == null ? null : record.header(key);
        }
    };

    final List<InboxRecord> rows;
    final List<IncomingCommand> upserts = new ArrayList<>();
    final List<IncomingMerge> merges = new ArrayList<>();
    final Map<Integer, IncomingCommand> upsertAt = new HashMap<>();
    final Map<Integer, IncomingMerge> mergeAt = new HashMap<>();
    final Map<Integer, String> undecodable = new HashMap<>();

    DrainedCommands(List<InboxRecord> rows, EventCodec codec) {
        this.rows = List.copyOf(rows);
        for (int i = 0; i < rows.size(); i++) {
            InboxRecord row = rows.get(i);
            Context trace = W3CTraceContextPropagator.getInstance().extract(Context.root(), row, HEADERS);
            int attempt = row.attempts() + 1;
            try {
                EventType<?> type = EventType.byName(row.header("ce_type"))
                        .orElseThrow(() -> new ContractViolationException("ce_type " + row.header("ce_type")));
                Object data = codec.decode(type, row.value());
                if (data instanceof CrmRecordMerge command) {
                    IncomingMerge merge = new IncomingMerge(i, command, trace, attempt);
                    merges.add(merge);
                    mergeAt.put(i, merge);
                } else if (data instanceof CrmRecordUpsert command) {
                    IncomingCommand upsert = new IncomingCommand(i, command, trace, attempt);
                    upserts.add(upsert);
                    upsertAt.put(i, upsert);
                } else {
                    throw new ContractViolationException("ce_type " + type.name() + " is not a CRM command");
                }
            } catch (ContractViolationException e) {
                undecodable.put(i, e.getMessage());
            }
        }
    }
}
