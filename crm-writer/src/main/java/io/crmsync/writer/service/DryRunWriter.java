package io.crmsync.writer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmsync.contract.result.CrmWriteResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * Dry-run (shadow) mode of a tenant ({@code crm.dryRun: true} in the registry), for pilots: every
 * command is computed as its CRM would receive it and audited with that record, and nothing is
 * sent. Nothing is dead-lettered either: a command the CRM would refuse is audited as
 * {@code rejected}, so a pilot's findings never wait in the DLQ to be replayed.
 */
@ApplicationScoped
public class DryRunWriter {

    private final AuditTrail audit;
    private final WriterMetrics metrics;
    private final ObjectMapper json;

    public DryRunWriter(AuditTrail audit, WriterMetrics metrics, ObjectMapper json) {
        this.audit = audit;
        this.metrics = metrics;
        this.json = json;
    }

    /** @return no failures: every command is settled as {@code dry-run} */
    public Map<String, WriteFailure> write(TenantCrm crm, CrmAdapter adapter, WriteGroup group, Settlements settlements) {
        for (CoalescedCommand c : group.commands()) {
            Optional<String> problem = adapter.problem(c.command());
            if (problem.isPresent()) {
                audit.dryRun(c, "rejected", ErrorClass.VALIDATION, problem.get());
            } else {
                audit.dryRun(c, CrmWriteResult.DRY_RUN, null, render(adapter.preview(group.crmObjectType(), c.command())));
            }
            for (IncomingCommand source : c.sources()) {
                metrics.write(crm.tenant(), group.crmObjectType(), CrmWriteResult.DRY_RUN);
                settlements.written(source.index(), CrmWriteResult.DRY_RUN, null);
            }
        }
        return Map.of();
    }

    public Optional<WriteFailure> merge(TenantCrm crm, IncomingMerge incoming, Settlements settlements) {
        audit.merge(incoming, null, CrmWriteResult.DRY_RUN, null);
        metrics.merge(crm.tenant(), incoming.merge().crmObjectType(), CrmWriteResult.DRY_RUN);
        settlements.written(incoming.index(), CrmWriteResult.DRY_RUN, null);
        return Optional.empty();
    }

    private String render(Map<String, Object> preview) {
        try {
            return json.writeValueAsString(preview);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CRM preview is plain maps and strings", e);
        }
    }
}
