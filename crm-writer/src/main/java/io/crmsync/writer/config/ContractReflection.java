package io.crmsync.writer.config;

import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.SourceRef;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The contract records this service decodes. {@code EventCodec} binds them with its own
 * ObjectMapper, which a native image cannot see through, so they are registered here.
 */
@RegisterForReflection(targets = {CrmRecordUpsert.class, AssociationRef.class, SourceRef.class, SyncMode.class})
public final class ContractReflection {

    private ContractReflection() {
    }
}
