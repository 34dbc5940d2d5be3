package io.crmsync.dedup.service;

import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.ContactData;
import io.crmsync.dedup.GoldenContact;
import io.crmsync.dedup.Outcome;
import io.crmsync.dedup.ownership.ContactOwnershipService;
import io.crmsync.dedup.ownership.ContactUpdate;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    private final UpsertCommandFactory commands;
    private final OutboxService outbox;
    private final DedupMetrics metrics;

    public DedupService(Tenants tenants, EventAdmissionService admissions, IdentityResolutionService identities,
                        ContactOwnershipService ownership, UpsertCommandFactory commands, OutboxService outbox,
                        DedupMetrics metrics) {
        this.tenants = tenants;
        this.admissions = admissions;
        this.identities = identities;
        this.ownership = ownership;
        this.commands = commands;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @WithSpan("dedup order")
    @Retry(maxRetries = 3, delay = 200, jitter = 100,
            abortOn = {UnknownStoreException.class, ContractViolationException.class})
    public Outcome applyOrder(EventEnvelope envelope, Order order) {
        requireStoreOfTenant(envelope.tenant(), order.source());
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> orderInTransaction(envelope, order));
        metrics.outcome(envelope.tenant(), outcome);
        return outcome;
    }

    @WithSpan("dedup customer")
    @Retry(maxRetries = 3, delay = 200, jitter = 100,
            abortOn = {UnknownStoreException.class, ContractViolationException.class})
    public Outcome applyCustomer(EventEnvelope envelope, Customer customer) {
        requireStoreOfTenant(envelope.tenant(), customer.source());
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> customerInTransaction(envelope, customer));
        metrics.outcome(envelope.tenant(), outcome);
        return outcome;
    }

    private Outcome orderInTransaction(EventEnvelope envelope, Order order) {
        Instant now = now();
        Admission admission = admissions.admit(envelope.tenant(), envelope.id(), order.source(), order.updatedAt(),
                Fingerprints.of(order.sourceVersion(), order.updatedAt(), order), now);
        if (!admission.applies()) {
            return admission.outcome();
        }
        SyncMode syncMode = UpsertCommandFactory.syncMode(envelope.origin());
        Customer customer = order.customer();
        Optional<GoldenContact> contact = customer == null ? Optional.empty()
                : contact(envelope, customer, ContactData.of(customer, order.billingAddresses()),
                customer.updatedAt() != null ? customer.updatedAt() : order.updatedAt(), now);
        contact.ifPresent(golden -> {
            admission.entity().resolvedTo(golden.key());
            outbox.enqueue(envelope.origin(),
                    commands.contact(envelope.tenant(), golden, customer.source(), order.updatedAt(), syncMode), now);
        });
        outbox.enqueue(envelope.origin(),
                commands.deal(envelope.tenant(), order, contact.map(GoldenContact::key).orElse(null), syncMode), now);
        return Outcome.APPLIED;
    }

    private Outcome customerInTransaction(EventEnvelope envelope, Customer customer) {
        Instant now = now();
        Admission admission = admissions.admit(envelope.tenant(), envelope.id(), customer.source(), customer.updatedAt(),
                Fingerprints.of(customer.sourceVersion(), customer.updatedAt(), customer), now);
        if (!admission.applies()) {
            return admission.outcome();
        }
        // A customer event always has its store customer id (the schema requires it), so it resolves.
        contact(envelope, customer, ContactData.of(customer, customer.addresses()), customer.updatedAt(), now)
                .ifPresent(golden -> {
                    admission.entity().resolvedTo(golden.key());
                    outbox.enqueue(envelope.origin(), commands.contact(envelope.tenant(), golden, customer.source(),
                            customer.updatedAt(), UpsertCommandFactory.syncMode(envelope.origin())), now);
                });
        return Outcome.APPLIED;
    }

    /** The person's golden contact, with the event's data applied under the tenant's field-ownership rules. */
    private Optional<GoldenContact> contact(EventEnvelope envelope, Customer customer, ContactData data, Instant asOf,
                                            Instant now) {
        Optional<GoldenContact> golden = identities.resolve(envelope.tenant(), envelope.id(), customer.source(), data, now);
        golden.ifPresent(g -> ownership.absorb(envelope.tenant(), g,
                new ContactUpdate(data, customer.source(), asOf, envelope.id()), now));
        return golden;
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
