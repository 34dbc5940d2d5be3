package io.crmsync.dedup.service;

import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.ContactData;
import io.crmsync.dedup.LinkReason;
import io.crmsync.dedup.MergeRecord;
import io.crmsync.dedup.Outcome;
import io.crmsync.dedup.ownership.ContactOwnershipService;
import io.crmsync.dedup.ownership.ContactUpdate;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Handles one normalized entity in one JTA transaction: idempotency record, stale check, golden
 * contact changes and the outbox rows of the resulting commands commit together. A failed
 * transaction (lost lock race, unique key taken by a concurrent writer, database hiccup) is
 * retried as a whole; the transaction is opened here, inside the retry, for that reason.
 */
@ApplicationScoped
public class DedupService {

    private final Tenants tenants;
    private final EventAdmissionService admissions;
    private final IdentityResolutionService identities;
    private final ContactOwnershipService ownership;
    private final CompanyResolutionService companies;
    private final UpsertCommandFactory commands;
    private final OutboxService outbox;
    private final DedupMetrics metrics;

    public DedupService(Tenants tenants, EventAdmissionService admissions, IdentityResolutionService identities,
                        ContactOwnershipService ownership, CompanyResolutionService companies,
                        UpsertCommandFactory commands, OutboxService outbox,
                        DedupMetrics metrics) {
        this.tenants = tenants;
        this.admissions = admissions;
        this.identities = identities;
        this.ownership = ownership;
        this.companies = companies;
        this.commands = commands;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @WithSpan("dedup order")
    @Retry(maxRetries = 3, delay = 200, jitter = 100,
            abortOn = {UnknownStoreException.class, ContractViolationException.class})
    public Outcome applyOrder(EventEnvelope envelope, Order order) {
        requireStoreOfTenant(envelope.tenant(), order.source());
        return counted(envelope.tenant(), QuarkusTransaction.requiringNew().call(() -> orderInTransaction(envelope, order)));
    }

    @WithSpan("dedup customer")
    @Retry(maxRetries = 3, delay = 200, jitter = 100,
            abortOn = {UnknownStoreException.class, ContractViolationException.class})
    public Outcome applyCustomer(EventEnvelope envelope, Customer customer) {
        requireStoreOfTenant(envelope.tenant(), customer.source());
        return counted(envelope.tenant(),
                QuarkusTransaction.requiringNew().call(() -> customerInTransaction(envelope, customer)));
    }

    /** Counted after the commit, so a retried transaction is not counted twice. */
    private Outcome counted(String tenant, Applied applied) {
        metrics.outcome(tenant, applied.outcome());
        applied.merges().forEach(reason -> metrics.merged(tenant, reason));
        return applied.outcome();
    }

    /**
     * Commands in the order the CRM needs them where they share a partition, and in any case in
     * commit order per record: the company, the contact (after any merge: the survivor), the
     * merges (keyed by the merged records, after every earlier command for them), then the deal.
     */
    private Applied orderInTransaction(EventEnvelope envelope, Order order) {
        Instant now = now();
        Admission admission = admissions.admit(envelope.tenant(), envelope.id(), envelope.deliveryId(), order.source(),
                order.updatedAt(), envelope.observedAt(),
                Fingerprints.of(order.sourceVersion(), order.updatedAt(), order), envelope.origin(), now);
        if (!admission.applies()) {
            return new Applied(admission.outcome(), List.of());
        }
        SyncMode syncMode = UpsertCommandFactory.syncMode(envelope.origin());
        String companyKey = company(envelope, order.company(), order.billingAddresses(), order.source(),
                order.updatedAt(), syncMode, now);
        Customer customer = order.customer();
        Optional<Resolution> contact = customer == null ? Optional.empty()
                : contact(envelope, customer, ContactData.of(customer, order.billingAddresses()),
                customer.updatedAt() != null ? customer.updatedAt() : order.updatedAt(), now);
        contact.ifPresent(resolution -> contactCommands(envelope, admission, resolution, customer.source(),
                order.updatedAt(), syncMode, companyKey, now));
        outbox.enqueue(envelope.origin(), commands.deal(envelope.tenant(), order,
                contact.map(r -> r.golden().key()).orElse(null), companyKey, syncMode), now);
        return new Applied(Outcome.APPLIED, mergeReasons(contact));
    }

    private Applied customerInTransaction(EventEnvelope envelope, Customer customer) {
        Instant now = now();
        Admission admission = admissions.admit(envelope.tenant(), envelope.id(), envelope.deliveryId(), customer.source(),
                customer.updatedAt(), envelope.observedAt(),
                Fingerprints.of(customer.sourceVersion(), customer.updatedAt(), customer), envelope.origin(), now);
        if (!admission.applies()) {
            return new Applied(admission.outcome(), List.of());
        }
        SyncMode syncMode = UpsertCommandFactory.syncMode(envelope.origin());
        String companyKey = company(envelope, customer.company(), customer.addresses(), customer.source(),
                customer.updatedAt(), syncMode, now);
        // A customer event always has its store customer id (the schema requires it), so it resolves.
        Optional<Resolution> contact = contact(envelope, customer, ContactData.of(customer, customer.addresses()),
                customer.updatedAt(), now);
        contact.ifPresent(resolution -> contactCommands(envelope, admission, resolution, customer.source(),
                customer.updatedAt(), syncMode, companyKey, now));
        return new Applied(Outcome.APPLIED, mergeReasons(contact));
    }

    /** @return the golden company's key, or null when the event names no company */
    private String company(EventEnvelope envelope, Company company, List<Address> billingAddresses, SourceRef source,
                           Instant sourceUpdatedAt, SyncMode syncMode, Instant now) {
        return companies.resolve(envelope.tenant(), envelope.id(), company, billingAddresses, sourceUpdatedAt, now)
                .map(golden -> {
                    outbox.enqueue(envelope.origin(), commands.company(envelope.tenant(), golden,
                            company.source() != null ? company.source() : source, sourceUpdatedAt, syncMode), now);
                    return golden.key();
                })
                .orElse(null);
    }

    private void contactCommands(EventEnvelope envelope, Admission admission, Resolution resolution, SourceRef source,
                                 Instant sourceUpdatedAt, SyncMode syncMode, String companyKey, Instant now) {
        admission.entity().resolvedTo(resolution.golden().key());
        outbox.enqueue(envelope.origin(), commands.contact(envelope.tenant(), resolution.golden(), source,
                sourceUpdatedAt, syncMode, companyKey), now);
        resolution.merges().forEach(merge -> outbox.enqueue(envelope.origin(), commands.merge(merge), now));
    }

    private static List<LinkReason> mergeReasons(Optional<Resolution> contact) {
        return contact.map(r -> r.merges().stream().map(MergeRecord::reason).toList()).orElse(List.of());
    }

    /** What the transaction decided, and the reasons of the merges it made (for the metrics). */
    private record Applied(Outcome outcome, List<LinkReason> merges) {
    }

    /** The person's golden contact, with the event's data applied under the tenant's field-ownership rules. */
    /** Resolves the person (merging golden contacts that turn out to be one), then applies the event's data under the tenant's field-ownership rules. */
    private Optional<Resolution> contact(EventEnvelope envelope, Customer customer, ContactData data, Instant asOf,
                                         Instant now) {
        Optional<Resolution> resolution = identities.resolve(envelope.tenant(), envelope.id(), customer.source(), data, now);
        resolution.ifPresent(r -> {
            ownership.absorb(envelope.tenant(), r.golden(), new ContactUpdate(data, customer.source(), asOf, envelope.id()), now);
            // What an undo compares against: the survivor as this event left it.
            r.merges().forEach(m -> m.survivorAfter(r.golden().fields()));
        });
        return resolution;
    }

    private void requireStoreOfTenant(String tenant, SourceRef source) {
        boolean owned = tenants.store(source.storeId()).map(b -> b.tenant().id().equals(tenant)).orElse(false);
        if (!owned) {
            throw new UnknownStoreException("store " + source.storeId() + " is not a store of tenant " + tenant);
        }
    }

    /** PostgreSQL keeps microseconds; truncating keeps the in-memory value equal to the stored one. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
