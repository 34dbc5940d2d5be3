package io.crmsync.dedup.service;

import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.ContactData;
import io.crmsync.dedup.GoldenContact;
import io.crmsync.dedup.IdentityKind;
import io.crmsync.dedup.IdentityLink;
import io.crmsync.dedup.LinkReason;
import io.crmsync.dedup.MergeRecord;
import io.crmsync.dedup.PhoneAndLastName;
import io.crmsync.dedup.repository.GoldenContactRepository;
import io.crmsync.dedup.repository.IdentityLinkRepository;
import io.crmsync.dedup.repository.MergeRepository;
import io.crmsync.dedup.ownership.ContactOwnershipService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Deterministic matching of a person to a golden contact within one tenant. The event's identity
 * values, strongest first: its store customer, its normalised email, its E.164 phone with last
 * name. The strongest value already linked decides the golden contact; values not linked yet are
 * attached to it with the rule that matched as their reason. When the values lead to two or more
 * golden contacts, those are one person: they are merged into the oldest (created first, then
 * lowest key, so the choice does not depend on event order), the others are retired, their links
 * re-pointed and every step recorded in a {@link MergeRecord} so it can be audited and undone. A
 * pair whose merge an operator undid is kept apart from then on.
 */
@ApplicationScoped
public class IdentityResolutionService {

    private static final Logger LOG = Logger.getLogger(IdentityResolutionService.class);

    private static final Comparator<GoldenContact> OLDEST_FIRST =
            Comparator.comparing(GoldenContact::createdAt).thenComparing(GoldenContact::key);

    private final GoldenContactRepository goldenContacts;
    private final IdentityLinkRepository links;
    private final MergeRepository merges;
    private final ContactOwnershipService ownership;

    public IdentityResolutionService(GoldenContactRepository goldenContacts, IdentityLinkRepository links,
                                     MergeRepository merges, ContactOwnershipService ownership) {
        this.goldenContacts = goldenContacts;
        this.links = links;
        this.merges = merges;
        this.ownership = ownership;
    }

    /**
     * @param customerSource the person's source identity; its {@code objectId} is null for a guest
     * @return the live golden contact, locked, with the merges it took (the caller applies
     *         {@code data} to it under the tenant's field-ownership rules); empty when nothing
     *         identifies the person
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Resolution> resolve(String tenant, String eventId, SourceRef customerSource, ContactData data,
                                        Instant now) {
        Map<IdentityKind, String> identities = identities(customerSource, data);
        if (identities.isEmpty()) {
            return Optional.empty();
        }
        Map<IdentityKind, IdentityLink> linked = new EnumMap<>(IdentityKind.class);
        identities.forEach((kind, value) -> links.find(tenant, kind, value).ifPresent(link -> linked.put(kind, link)));

        List<MergeRecord> merged = new ArrayList<>();
        GoldenContact golden;
        LinkReason newLinkReason;
        if (linked.isEmpty()) {
            golden = GoldenContact.create(tenant, now);
            goldenContacts.persist(golden);
            newLinkReason = LinkReason.FIRST_SEEN;
        } else {
            Map<GoldenContact, IdentityKind> matched = withoutKeptApart(tenant, lockMatched(linked));
            golden = matched.keySet().stream().min(OLDEST_FIRST).orElseThrow();
            IdentityKind survivorKind = matched.get(golden);
            for (Map.Entry<GoldenContact, IdentityKind> other : matched.entrySet()) {
                if (other.getKey() != golden) {
                    merged.add(merge(tenant, golden, other.getKey(), joiningRule(survivorKind, other.getValue()),
                            eventId, now));
                }
            }
            newLinkReason = linked.keySet().iterator().next().matchReason();
        }

        for (Map.Entry<IdentityKind, String> identity : identities.entrySet()) {
            if (!linked.containsKey(identity.getKey())) {
                links.persist(new IdentityLink(tenant, identity.getKey(), identity.getValue(), golden.key(),
                        newLinkReason, eventId, now));
            }
        }
        return Optional.of(new Resolution(golden, merged));
    }

    /**
     * Locks the live golden contacts the linked values lead to, in key order (so two events
     * cannot lock the same pair in opposite orders), each with the strongest kind that led to it.
     */
    private Map<GoldenContact, IdentityKind> lockMatched(Map<IdentityKind, IdentityLink> linked) {
        Map<String, GoldenContact> live = new LinkedHashMap<>();
        for (String key : new TreeSet<>(linked.values().stream().map(IdentityLink::goldenKey).toList())) {
            live.put(key, goldenContacts.lockLive(key)
                    .orElseThrow(() -> new IllegalStateException("identity link to missing golden contact " + key)));
        }
        Map<GoldenContact, IdentityKind> matched = new LinkedHashMap<>();
        // EnumMap iterates strongest kind first: putIfAbsent keeps the strongest per golden contact.
        linked.forEach((kind, link) -> matched.putIfAbsent(live.get(link.goldenKey()), kind));
        return matched;
    }

    /**
     * Drops, strongest match first, each golden contact an operator kept apart (by undoing their
     * merge) from one already taken: the event then goes to the strongest match, and the values
     * of the one left out stay where they are.
     */
    private Map<GoldenContact, IdentityKind> withoutKeptApart(String tenant, Map<GoldenContact, IdentityKind> matched) {
        Map<GoldenContact, IdentityKind> group = new LinkedHashMap<>();
        matched.forEach((candidate, kind) -> {
            boolean apart = group.keySet().stream()
                    .anyMatch(member -> merges.keptApart(tenant, member.key(), candidate.key()));
            if (!apart) {
                group.put(candidate, kind);
            }
        });
        return group;
    }

    /** Two golden contacts reached by two kinds of value are joined by the weaker of the two rules. */
    private static LinkReason joiningRule(IdentityKind a, IdentityKind b) {
        return (a.compareTo(b) >= 0 ? a : b).matchReason();
    }

    private MergeRecord merge(String tenant, GoldenContact survivor, GoldenContact retired, LinkReason reason,
                              String eventId, Instant now) {
        MergeRecord record = new MergeRecord(tenant, survivor, retired, reason, eventId, now);
        merges.persist(record);
        List<Long> moved = links.idsOwnedBy(retired.key());
        links.repoint(moved, retired.key(), survivor.key());
        merges.recordMovedLinks(record.id(), moved, retired.key());
        survivor.absorbMerged(ownership.rules(tenant), retired, now);
        retired.retireInto(survivor.key(), now);
        LOG.infof("tenant %s: golden contact %s merged into %s (%s, event %s, %d links, merge %s)", tenant,
                retired.key(), survivor.key(), reason.wire(), eventId, moved.size(), record.id());
        return record;
    }

    /** The event's identity values, strongest kind first. */
    static Map<IdentityKind, String> identities(SourceRef customerSource, ContactData data) {
        Map<IdentityKind, String> identities = new EnumMap<>(IdentityKind.class);
        storeCustomerIdentity(customerSource).ifPresent(v -> identities.put(IdentityKind.STORE_CUSTOMER, v));
        if (data.email() != null) {
            identities.put(IdentityKind.EMAIL, data.email());
        }
        PhoneAndLastName.of(data.phone(), data.lastName()).ifPresent(v -> identities.put(IdentityKind.PHONE_LAST_NAME, v));
        return identities;
    }

    static Optional<String> storeCustomerIdentity(SourceRef source) {
        if (source == null || source.objectId() == null || source.objectId().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(source.platform() + ":" + source.storeId() + ":" + source.objectId());
    }
}
