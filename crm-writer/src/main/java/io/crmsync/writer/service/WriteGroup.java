package io.crmsync.writer.service;

import java.util.List;

/** Records of one tenant and one object type written by one batch call. */
public record WriteGroup(String tenant, String crmObjectType, List<CoalescedCommand> commands) {

    public WriteGroup {
        commands = List.copyOf(commands);
    }
}
