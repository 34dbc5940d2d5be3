package io.crmsync.writer.service;

import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.writer.repository.RecordAliasRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redirects commands for merged records to their survivors before they are written: a command
 * whose record key was merged away updates the survivor instead (never recreating the merged
 * record), and an association naming a merged record points at the survivor.
 */
@ApplicationScoped
public class RecordAliases {

    /** Only these types are ever merged. */
    private static final Set<String> MERGEABLE = Set.of(CrmRecordUpsert.CONTACT, CrmRecordUpsert.COMPANY);

    private final RecordAliasRepository aliases;

    public RecordAliases(RecordAliasRepository aliases) {
        this.aliases = aliases;
    }

    public List<IncomingCommand> redirect(List<IncomingCommand> commands) {
        Map<String, Map<String, Set<String>>> keys = new HashMap<>();
        for (IncomingCommand c : commands) {
            CrmRecordUpsert command = c.command();
            collect(keys, command.tenant(), command.crmObjectType(), command.recordKey());
            associations(command).forEach(a -> collect(keys, command.tenant(), a.crmObjectType(), a.recordKey()));
        }
        Map<String, Map<String, Map<String, String>>> survivors = new HashMap<>();
        keys.forEach((tenant, byType) -> byType.forEach((type, recordKeys) -> {
            Map<String, String> found = aliases.survivors(tenant, type, recordKeys);
            if (!found.isEmpty()) {
                survivors.computeIfAbsent(tenant, t -> new HashMap<>()).put(type, found);
            }
        }));
        if (survivors.isEmpty()) {
            return commands;
        }
        List<IncomingCommand> redirected = new ArrayList<>(commands.size());
        for (IncomingCommand c : commands) {
            Map<String, Map<String, String>> ofTenant = survivors.getOrDefault(c.command().tenant(), Map.of());
            redirected.add(ofTenant.isEmpty() ? c : new IncomingCommand(c.index(), redirect(c.command(), ofTenant), c.trace(), c.attempt()));
        }
        return redirected;
    }

    private static CrmRecordUpsert redirect(CrmRecordUpsert command, Map<String, Map<String, String>> survivors) {
        String recordKey = survivorOf(survivors, command.crmObjectType(), command.recordKey());
        LinkedHashSet<AssociationRef> associations = new LinkedHashSet<>();
        associations(command).forEach(a -> associations.add(
                new AssociationRef(a.crmObjectType(), survivorOf(survivors, a.crmObjectType(), a.recordKey()))));
        return new CrmRecordUpsert(command.commandId(), command.tenant(), command.crmObjectType(), recordKey,
                command.fields(), List.copyOf(associations), command.syncMode(), command.source(),
                command.sourceUpdatedAt());
    }

    private static String survivorOf(Map<String, Map<String, String>> survivors, String type, String key) {
        return survivors.getOrDefault(type, Map.of()).getOrDefault(key, key);
    }

    private static void collect(Map<String, Map<String, Set<String>>> keys, String tenant, String type, String key) {
        if (MERGEABLE.contains(type)) {
            keys.computeIfAbsent(tenant, t -> new HashMap<>()).computeIfAbsent(type, t -> new LinkedHashSet<>()).add(key);
        }
    }

    private static List<AssociationRef> associations(CrmRecordUpsert command) {
        return command.associations() == null ? List.of() : command.associations();
    }
}
