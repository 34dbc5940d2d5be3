package io.crmsync.writer.service;

import io.crmsync.commons.tenant.CrmAccount;
import io.crmsync.commons.tenant.Tenant;
import io.crmsync.commons.tenant.Tenants;
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
 * Writes a consumed batch of commands to the tenants' CRMs, group by group (see
 * {@link CommandBatcher}), and says which commands must be dead-lettered; all others were written.
 * Each group's CRM calls run in a span whose parent is the trace context of the group's first
 * command, linked to the other commands' traces.
 */
@ApplicationScoped
public class CrmWriteService {

    private static final Logger LOG = Logger.getLogger(CrmWriteService.class);

    private final Tenants tenants;
    private final CrmAdapters adapters;
    private final GroupWriter groupWriter;
    private final AuditTrail audit;
    private final WriterMetrics metrics;
    private final WriterConfig config;
    private final Tracer tracer;

    public CrmWriteService(Tenants tenants, CrmAdapters adapters, GroupWriter groupWriter, AuditTrail audit,
                           WriterMetrics metrics, WriterConfig config, Tracer tracer) {
        this.tenants = tenants;
        this.adapters = adapters;
        this.groupWriter = groupWriter;
        this.audit = audit;
        this.metrics = metrics;
        this.config = config;
        this.tracer = tracer;
    }

    /** @return dead letters by {@link IncomingCommand#index()}; commands not in it were written */
    public Map<Integer, DeadLetter> write(List<IncomingCommand> commands) {
        Map<Integer, DeadLetter> deadLetters = new HashMap<>();
        for (WriteGroup group : CommandBatcher.plan(commands, config.maxBatchInputs())) {
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
        return deadLetters;
    }

    private Map<String, DeadLetter> write(WriteGroup group) {
        Optional<Tenant> tenant = tenants.tenant(group.tenant());
        if (tenant.isEmpty()) {
            return all(group, new DeadLetter(ErrorClass.UNKNOWN_TENANT,
                    "tenant " + group.tenant() + " is not in the tenant registry"));
        }
        CrmAccount account = tenant.get().crm();
        Optional<CrmAdapter> adapter = adapters.forKind(account.kind());
        if (adapter.isEmpty()) {
            return all(group, new DeadLetter(ErrorClass.UNSUPPORTED_CRM,
                    "no adapter for CRM kind " + account.kind() + " in this version"));
        }
        Span span = span(group);
        try (Scope ignored = span.makeCurrent()) {
            Map<String, DeadLetter> failed = groupWriter.write(new TenantCrm(group.tenant(), account), adapter.get(), group);
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
}
