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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one drain of commands to the tenants' CRMs and settles each: written, failed (with what
 * the lane does about it), or held back. The drain runs in {@link CommandBatcher#phases phases}
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
    private final DryRunWriter dryRun;
    private final RecordAliases aliases;
    private final WriterConfig config;
    private final Tracer tracer;

    public CrmWriteService(Tenants tenants, CrmAdapters adapters, GroupWriter groupWriter, MergeWriter mergeWriter,
                           DryRunWriter dryRun,
                           RecordAliases aliases, WriterConfig config,
                           Tracer tracer) {
        this.tenants = tenants;
        this.adapters = adapters;
        this.groupWriter = groupWriter;
        this.mergeWriter = mergeWriter;
        this.dryRun = dryRun;
        this.aliases = aliases;
        this.config = config;
        this.tracer = tracer;
    }

    /**
     * Writes one drain of a tenant's lane. A command whose record already failed in this drain is
     * held back (so nothing overtakes it), and so is everything after a failure that pauses the tenant.
     */
    public Settlements write(List<IncomingCommand> commands, List<IncomingMerge> merges) {
        Settlements settlements = new Settlements();
        Set<String> blockedKeys = new HashSet<>();
        boolean paused = false;
        for (BatchPhase phase : CommandBatcher.phases(commands, merges)) {
            List<IncomingCommand> writable = new ArrayList<>();
            for (IncomingCommand c : phase.upserts()) {
                if (paused || blockedKeys.contains(c.command().kafkaKey())) {
                    settlements.held(c.index());
                } else {
                    writable.add(c);
                }
            }
            Map<Integer, String> keyOf = new HashMap<>();
            writable.forEach(c -> keyOf.put(c.index(), c.command().kafkaKey()));
            for (WriteGroup group : CommandBatcher.plan(aliases.redirect(writable), config.maxBatchInputs())) {
                if (paused) {
                    group.commands().forEach(c -> c.sources().forEach(s -> settlements.held(s.index())));
                    continue;
                }
                for (Map.Entry<CoalescedCommand, WriteFailure> failed : write(group, settlements).entrySet()) {
                    paused |= failed.getValue().handling() == WriteFailure.Handling.PAUSE;
                    failed.getKey().sources().forEach(s -> blockedKeys.add(keyOf.get(s.index())));
                }
            }
            for (IncomingMerge merge : phase.merges()) {
                if (paused || blockedKeys.contains(merge.merge().kafkaKey())) {
                    settlements.held(merge.index());
                    continue;
                }
                Optional<WriteFailure> failure = write(merge, settlements);
                if (failure.isPresent()) {
                    paused |= failure.get().handling() == WriteFailure.Handling.PAUSE;
                    blockedKeys.add(merge.merge().kafkaKey());
                    settlements.failed(merge.index(), failure.get());
                    CrmRecordMerge command = merge.merge();
                    LOG.warnf("tenant %s: merge of %s %s into %s failed (%s, %s)", command.tenant(),
                            command.crmObjectType(), command.mergedKey(), command.survivingKey(),
                            failure.get().errorClass(), failure.get().handling());
                }
            }
        }
        return settlements;
    }

    /** @return the group's failed commands */
    private Map<CoalescedCommand, WriteFailure> write(WriteGroup group, Settlements settlements) {
        Map<String, WriteFailure> failedByKey = writeGroup(group, settlements);
        Map<CoalescedCommand, WriteFailure> failed = new LinkedHashMap<>();
        for (CoalescedCommand c : group.commands()) {
            WriteFailure failure = failedByKey.get(c.recordKey());
            if (failure == null) {
                continue;
            }
            LOG.warnf("tenant %s: %s %s failed (%s, %s)", group.tenant(), group.crmObjectType(), c.recordKey(),
                    failure.errorClass(), failure.handling());
            failed.put(c, failure);
            for (IncomingCommand source : c.sources()) {
                settlements.failed(source.index(), failure);
            }
        }
        return failed;
    }

    private Map<String, WriteFailure> writeGroup(WriteGroup group, Settlements settlements) {
        Target target = target(group.tenant());
        if (target.refusal() != null) {
            return all(group, target.refusal());
        }
        Span span = span(group);
        try (Scope ignored = span.makeCurrent()) {
            Map<String, WriteFailure> failed = target.crm().account().dryRun()
                    ? dryRun.write(target.crm(), target.adapter(), group, settlements)
                    : groupWriter.write(target.crm(), target.adapter(), group, settlements);
            span.setAttribute("crmsync.dead_letters", failed.size());
            return failed;
        } catch (RuntimeException e) {
            // A defect or the database: nothing about this group is known to be written.
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            LOG.errorf(e, "tenant %s: writing %d %s records failed unexpectedly", group.tenant(),
                    group.commands().size(), group.crmObjectType());
            return all(group, WriteFailure.retry(ErrorClass.INTERNAL, e.toString()));
        } finally {
            span.end();
        }
    }

    private Optional<WriteFailure> write(IncomingMerge incoming, Settlements settlements) {
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
            return target.crm().account().dryRun()
                    ? dryRun.merge(target.crm(), incoming, settlements)
                    : mergeWriter.merge(target.crm(), target.adapter(), incoming, settlements);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            LOG.errorf(e, "tenant %s: merging %s %s failed unexpectedly", command.tenant(), command.crmObjectType(),
                    command.mergedKey());
            return Optional.of(WriteFailure.retry(ErrorClass.INTERNAL, e.toString()));
        } finally {
            span.end();
        }
    }

    /** The tenant's CRM and its adapter, or why its commands cannot be written. */
    private Target target(String tenantId) {
        Optional<Tenant> tenant = tenants.tenant(tenantId);
        if (tenant.isEmpty()) {
            return new Target(null, null, WriteFailure.deadLetter(ErrorClass.UNKNOWN_TENANT,
                    "tenant " + tenantId + " is not in the tenant registry"));
        }
        CrmAccount account = tenant.get().crm();
        Optional<CrmAdapter> adapter = adapters.forKind(account.kind());
        if (adapter.isEmpty()) {
            return new Target(null, null, WriteFailure.deadLetter(ErrorClass.UNSUPPORTED_CRM,
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

    private static Map<String, WriteFailure> all(WriteGroup group, WriteFailure deadLetter) {
        Map<String, WriteFailure> failed = new LinkedHashMap<>();
        group.commands().forEach(c -> failed.put(c.recordKey(), deadLetter));
        return failed;
    }

    /** Where a tenant's commands go; {@code refusal} set when they cannot be written at all. */
    private record Target(TenantCrm crm, CrmAdapter adapter, WriteFailure refusal) {
    }
}
