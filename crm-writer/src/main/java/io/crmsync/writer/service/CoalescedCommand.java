package io.crmsync.writer.service;

import io.crmsync.contract.command.CrmRecordUpsert;

import java.util.List;

/**
 * The commands of one batch for the same record, merged into the one write that leaves the CRM as
 * writing them in order would.
 *
 * @param command the merged command (fields of later commands over earlier ones, associations of all)
 * @param sources the consumed commands, oldest first
 */
public record CoalescedCommand(CrmRecordUpsert command, List<IncomingCommand> sources) {

    public CoalescedCommand {
        sources = List.copyOf(sources);
    }

    public String recordKey() {
        return command.recordKey();
    }

    public IncomingCommand newest() {
        return sources.get(sources.size() - 1);
    }
}
