package io.crmsync.dedup.ownership;

import io.crmsync.commons.tenant.FieldOwnership;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.dedup.GoldenContact;
import io.crmsync.dedup.repository.ReviewItemRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Applies an event's contact data to a (locked) golden contact under the tenant's field-ownership
 * rules and puts the conflicts in the review queue, in the caller's transaction.
 */
@ApplicationScoped
public class ContactOwnershipService {

    private static final Logger LOG = Logger.getLogger(ContactOwnershipService.class);

    private final Tenants tenants;
    private final ReviewItemRepository reviewItems;
    private final Event<FieldConflicts> conflicts;

    public ContactOwnershipService(Tenants tenants, ReviewItemRepository reviewItems, Event<FieldConflicts> conflicts) {
        this.tenants = tenants;
        this.reviewItems = reviewItems;
        this.conflicts = conflicts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Absorption absorb(String tenant, GoldenContact golden, ContactUpdate update, Instant now) {
        Absorption absorption = golden.absorb(rules(tenant), update, now);
        if (!absorption.conflicts().isEmpty()) {
            int recorded = 0;
            for (FieldConflict conflict : absorption.conflicts()) {
                boolean created = reviewItems.recordOpen(tenant, golden.key(), conflict, update, now);
                recorded += created ? 1 : 0;
                // Field names and identities only: the values are personal data.
                LOG.infof("tenant %s contact %s: %s from %s kept for review%s", tenant, golden.key(), conflict.field(),
                        update.sourceIdentity(), created ? "" : " (already open)");
            }
            conflicts.fire(new FieldConflicts(tenant,
                    absorption.conflicts().stream().map(FieldConflict::field).toList(), recorded));
        }
        return absorption;
    }

    /** The tenant's rules as the registry holds them now (it is re-read when it changes). */
    public FieldOwnership rules(String tenant) {
        return tenants.tenant(tenant).map(t -> t.crm().fieldOwnership()).orElse(FieldOwnership.DEFAULTS);
    }
}
