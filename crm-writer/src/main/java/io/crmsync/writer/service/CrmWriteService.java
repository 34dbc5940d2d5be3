package io.crmsync.writer.service;

import io.crmsync.commons.tenant.CrmAccount;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.writer.config.WriterConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a consumed batch of commands to the tenants' CRMs and says which commands must be
 * dead-lettered; all others were written. The batch runs in {@link CommandBatcher#phases phases}
 * so that a merge sees every earlier upsert of its merged key written and every later one goes to
 * the survivor: per phase, upserts are redirected from merged keys to survivors
 * ({@link RecordAliases}), written group by group (see {@link CommandBatcher}), then the phase's
 * merges run. Each group's CRM calls run in a span whose parent is the trace context of the
 * group's first command, linked to the other commands' traces; each merge in a span of its own.
 */
@ApplicationScoped
public class CrmWriteService {

    private static final Logger LOG = Logger.getLogger(CrmWriteService.class);

    private final Tenants tenants;
    private final CrmAdapters adapters;
    private final GroupWriter groupWriter;
    private final MergeWriter mergeWriter;
    private final RecordAliases aliases;
    private final AuditTrail audit;
    private final WriterMetrics metrics;
    private final WriterConfig config;
    private final Tracer tracer;

    public CrmWriteService(Tenants tenants, CrmAdapters adapters, GroupWriter groupWriter, MergeWriter mergeWriter,
                           RecordAliases aliases, AuditTrail audit, WriterMetrics metrics, WriterConfig config,
                           Tracer tracer) {
        this.tenants = tenants;
        this.adapters = adapters;
        this.groupWriter = groupWriter;
        this.mergeWriter = mergeWriter;
        this.aliases = aliases;
        this.audit = audit;
        this.metrics = metrics;
        this.config = config;
        this.tracer = tracer;
    }

    /** @return dead letters by consumed index (of upserts and merges); commands not in it were written */
    public Map<Integer, DeadLetter> write(List<IncomingCommand> commands, List<IncomingMerge> merges) {
        Map<Integer, DeadLetter> deadLetters = new HashMap<>();
        for (BatchPhase phase : CommandBatcher.phases(commands, merges)) {
            for (WriteGroup group : CommandBatcher.plan(aliases.redirect(phase.upserts()), config.maxBatchInputs())) {
                write(group, deadLetters);
            }
            for (IncomingMerge merge : phase.merges()) {
                write(merge).ifPresent(deadLetter -> {
                    CrmRecordMerge command = merge.merge();
                    LOG.warnf("tenant %s: merge of %s %s into %s goes to the DLQ as %s", command.tenant(),
                            command.crmObjectType(), command.mergedKey(), command.survivingKey(), deadLetter.errorClass());
                    audit.deadLettered(merge, deadLetter);
                    metrics.merge(command.tenant(), command.crmObjectType(), "failed");
                    deadLetters.put(merge.index(), deadLetter);
                });
            }
        }
        return deadLetters;
    }

    private void write(WriteGroup group, Map<Integer, DeadLetter> deadLetters) {
        Map<String, DeadLetter> failed = write(group);
        for (CoalescedCommand c : group.commands()) {
            DeadLetter deadLetter = failed.get(c.recordKey());
            if (deadLetter == null) {
                continue;
            }
            LOG.warnf("tenant %s: %s %s goes to the DLQ as %s", group.tenant(), group.crmObjectType(),
                    c.recordKey(), deadLetter.errorClass());
            audit.deadLettered(c, deadLetter);
            for (IncomingCommand source : c.sources()) {
                deadLetters.put(source.index(), deadLetter);
                metrics.write(group.tenant(), group.crmObjectType(), "failed");
            }
        }
    }

    private Map<String, DeadLetter> write(WriteGroup group) {
        Target target = target(group.tenant());
        if (target.refusal() != null) {
            return all(group, target.refusal());
        }
        Span span = span(group);
        try (Scope ignored = span.makeCurrent()) {
            Map<String, DeadLetter> failed = groupWriter.write(target.crm(), target.adapter(), group);
            span.setAttribute("crmsync.dead_letters", failed.size());
            return failed;
        } catch (RuntimeException e) {
            // A defect or the database: nothing about this group is known to be written.
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            LOG.errorf(e, "tenant %s: writing %d %s records failed unexpectedly", group.tenant(),
                    group.commands().size(), group.crmObjectType());
            return all(group, new DeadLetter(ErrorClass.INTERNAL, e.toString()));
        } finally {
            span.end();
        }
    }

    private Optional<DeadLetter> write(IncomingMerge incoming) {
        CrmRecordMerge command = incoming.merge();
        Target target = target(command.tenant());
        if (target.refusal() != null) {
            return Optional.of(target.refusal());
        }
        Span span = tracer.spanBuilder("crm merge " + command.crmObjectType())
                .setSpanKind(SpanKind.INTERNAL)
                .setParent(incoming.trace())
                .setAttribute("crmsync.tenant", command.tenant())
                .setAttribute("crmsync.crm_object_type", command.crmObjectType())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return mergeWriter.merge(target.crm(), target.adapter(), incoming);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            LOG.errorf(e, "tenant %s: merging %s %s failed unexpectedly", command.tenant(), command.crmObjectType(),
                    command.mergedKey());
            return Optional.of(new DeadLetter(ErrorClass.INTERNAL, e.toString()));
        } finally {
            span.end();
        }
    }

    /** The tenant's CRM and its adapter, or why its commands cannot be written. */
    private Target target(String tenantId) {
        Optional<Tenant> tenant = tenants.tenant(tenantId);
        if (tenant.isEmpty()) {
            return new Target(null, null, new DeadLetter(ErrorClass.UNKNOWN_TENANT,
                    "tenant " + tenantId + " is not in the tenant registry"));
        }
        CrmAccount account = tenant.get().crm();
        Optional<CrmAdapter> adapter = adapters.forKind(account.kind());
        if (adapter.isEmpty()) {
            return new Target(null, null, new DeadLetter(ErrorClass.UNSUPPORTED_CRM,
                    "no adapter for CRM kind " + account.kind() + " in this version"));
        }
        return new Target(new TenantCrm(tenantId, account), adapter.get(), null);
    }

    private Span span(WriteGroup group) {
        List<CoalescedCommand> commands = group.commands();
        SpanBuilder builder = tracer.spanBuilder("crm write " + group.crmObjectType())
                .setSpanKind(SpanKind.INTERNAL)
                .setParent(commands.get(0).newest().trace())
                .setAttribute("crmsync.tenant", group.tenant())
                .setAttribute("crmsync.crm_object_type", group.crmObjectType())
                .setAttribute("crmsync.records", commands.size());
        SpanContext parent = Span.fromContext(commands.get(0).newest().trace()).getSpanContext();
        Set<SpanContext> others = new LinkedHashSet<>();
        commands.forEach(c -> c.sources().forEach(s -> others.add(Span.fromContext(s.trace()).getSpanContext())));
        others.stream().filter(SpanContext::isValid).filter(sc -> !sc.equals(parent)).forEach(builder::addLink);
        return builder.startSpan();
    }

    private static Map<String, DeadLetter> all(WriteGroup group, DeadLetter deadLetter) {
        Map<String, DeadLetter> failed = new LinkedHashMap<>();
        group.commands().forEach(c -> failed.put(c.recordKey(), deadLetter));
        return failed;
    }

    /** Where a tenant's commands go; {@code refusal} set when they cannot be written at all. */
    private record Target(TenantCrm crm, CrmAdapter adapter, DeadLetter refusal) {
    }
}
