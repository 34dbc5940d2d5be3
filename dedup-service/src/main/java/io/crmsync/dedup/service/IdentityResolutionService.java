package io.crmsync.dedup.service;

import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.ContactData;
import io.crmsync.dedup.GoldenContact;
import io.crmsync.dedup.IdentityKind;
import io.crmsync.dedup.IdentityLink;
import io.crmsync.dedup.LinkReason;
import io.crmsync.dedup.repository.GoldenContactRepository;
import io.crmsync.dedup.repository.IdentityLinkRepository;
import io.crmsync.commons.log.Mask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * Minimal deterministic matching of a person to a golden contact within one tenant: the same
 * store customer first, then the same normalised email, else a new golden contact. Every
 * identity value attached is recorded with its reason, so merges can be audited and undone later.
 */
@ApplicationScoped
public class IdentityResolutionService {

    private static final Logger LOG = Logger.getLogger(IdentityResolutionService.class);

    private final GoldenContactRepository goldenContacts;
    private final IdentityLinkRepository links;

    public IdentityResolutionService(GoldenContactRepository goldenContacts, IdentityLinkRepository links) {
        this.goldenContacts = goldenContacts;
        this.links = links;
    }

    /**
     * @param customerSource the person's source identity; its {@code objectId} is null for a guest
     * @return the golden contact, locked (the caller applies {@code data} to it under the tenant's
     *         field-ownership rules); empty when nothing identifies the person
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<GoldenContact> resolve(String tenant, String eventId, SourceRef customerSource, ContactData data,
                                           Instant now) {
        Optional<String> storeCustomer = storeCustomerIdentity(customerSource);
        Optional<String> email = Optional.ofNullable(data.email());
        if (storeCustomer.isEmpty() && email.isEmpty()) {
            return Optional.empty();
        }
        Optional<IdentityLink> byStoreCustomer = storeCustomer.flatMap(v -> links.find(tenant, IdentityKind.STORE_CUSTOMER, v));
        Optional<IdentityLink> byEmail = email.flatMap(v -> links.find(tenant, IdentityKind.EMAIL, v));

        GoldenContact golden;
        LinkReason storeCustomerReason = LinkReason.FIRST_SEEN;
        LinkReason emailReason = LinkReason.FIRST_SEEN;
        if (byStoreCustomer.isPresent()) {
            golden = lock(byStoreCustomer.get());
            emailReason = LinkReason.SAME_STORE_CUSTOMER;
        } else if (byEmail.isPresent()) {
            golden = lock(byEmail.get());
            storeCustomerReason = LinkReason.SAME_EMAIL;
        } else {
            golden = GoldenContact.create(tenant, now);
            goldenContacts.persist(golden);
        }

        if (storeCustomer.isPresent() && byStoreCustomer.isEmpty()) {
            links.persist(new IdentityLink(tenant, IdentityKind.STORE_CUSTOMER, storeCustomer.get(), golden.key(),
                    storeCustomerReason, eventId, now));
        }
        if (email.isPresent() && byEmail.isEmpty()) {
            links.persist(new IdentityLink(tenant, IdentityKind.EMAIL, email.get(), golden.key(), emailReason, eventId, now));
        } else if (byEmail.isPresent() && !byEmail.get().goldenKey().equals(golden.key())) {
            // Two golden contacts share evidence: a merge candidate. Merging is deliberate work of
            // its own; until then each keeps its key and the email stays with its first owner.
            LOG.infof("tenant %s: email %s belongs to %s, store customer to %s; not merged", tenant,
                    Mask.email(email.get()), byEmail.get().goldenKey(), golden.key());
        }
        return Optional.of(golden);
    }

    private GoldenContact lock(IdentityLink link) {
        return goldenContacts.lock(link.goldenKey())
                .orElseThrow(() -> new IllegalStateException("identity link to missing golden contact " + link.goldenKey()));
    }

    static Optional<String> storeCustomerIdentity(SourceRef source) {
        if (source == null || source.objectId() == null || source.objectId().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(source.platform() + ":" + source.storeId() + ":" + source.objectId());
    }
}
