package io.crmsync.dedup.ownership;

import io.crmsync.contract.Origin;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.dedup.ContactData;
import io.crmsync.dedup.GoldenContact;
import io.crmsync.dedup.ReviewItem;
import io.crmsync.dedup.ReviewStatus;
import io.crmsync.dedup.repository.GoldenContactRepository;
import io.crmsync.dedup.repository.ReviewItemRepository;
import io.crmsync.dedup.service.OutboxService;
import io.crmsync.dedup.service.UpsertCommandFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The review queue: lists proposals held back by {@code manual-review} rules and resolves them. An
 * accepted proposal is applied to the golden contact and its contact upsert queued in the outbox
 * in the same transaction as the decision, so the CRM is told exactly when the decision commits.
 */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final ReviewItemRepository items;
    private final GoldenContactRepository goldenContacts;
    private final ContactOwnershipService ownership;
    private final UpsertCommandFactory commands;
    private final OutboxService outbox;
    private final Event<ReviewQueueChanged> changed;

    public ReviewService(ReviewItemRepository items, GoldenContactRepository goldenContacts,
                         ContactOwnershipService ownership, UpsertCommandFactory commands, OutboxService outbox,
                         Event<ReviewQueueChanged> changed) {
        this.items = items;
        this.goldenContacts = goldenContacts;
        this.ownership = ownership;
        this.commands = commands;
        this.outbox = outbox;
        this.changed = changed;
    }

    @Transactional
    public List<ReviewItem> list(String tenant, ReviewStatus status, String goldenKey, int limit) {
        return items.list(tenant, status, goldenKey, limit);
    }

    /**
     * @param resolver who decided (the token's principal), kept on the item
     * @throws ReviewItemNotFoundException no such item of this tenant
     * @throws ReviewItemResolvedException it was resolved already
     */
    @Transactional
    public ReviewItem resolve(String tenant, long id, Decision decision, String resolver) {
        ReviewItem item = items.lock(id).filter(i -> i.tenant().equals(tenant))
                .orElseThrow(() -> new ReviewItemNotFoundException(id));
        if (item.status() != ReviewStatus.OPEN) {
            throw new ReviewItemResolvedException(id, item.status());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (decision == Decision.ACCEPT) {
            // The contact may have been merged since the item was recorded: the value goes to the survivor.
            GoldenContact golden = goldenContacts.lockLive(item.goldenKey()).orElseThrow(() ->
                    new IllegalStateException("review item " + id + " names missing golden contact " + item.goldenKey()));
            golden.acceptReviewed(ownership.rules(tenant), new ContactUpdate(only(item.field(), item.proposedValue()),
                    item.source(), item.sourceUpdatedAt(), item.eventId()), now);
            // An operator's decision re-applies a value an earlier event carried: origin "replay", a live write.
            // No company association here: the contact's associations were written with its earlier upserts.
            outbox.enqueue(Origin.REPLAY, commands.contact(tenant, golden, item.source(), item.sourceUpdatedAt(),
                    SyncMode.LIVE, null), now);
        }
        item.resolve(decision.status, resolver, now);
        changed.fire(new ReviewQueueChanged(tenant));
        LOG.infof("tenant %s review item %d (%s of %s) %s by %s", tenant, id, item.field(), item.goldenKey(),
                decision.status, resolver);
        return item;
    }

    private static ContactData only(String field, String value) {
        return switch (field) {
            case "email" -> new ContactData(value, null, null, null);
            case "firstName" -> new ContactData(null, value, null, null);
            case "lastName" -> new ContactData(null, null, value, null);
            case "phone" -> new ContactData(null, null, null, value);
            default -> throw new IllegalStateException("review item names unknown contact field " + field);
        };
    }

    /** An operator's answer to a proposal. */
    public enum Decision {
        ACCEPT(ReviewStatus.ACCEPTED), REJECT(ReviewStatus.REJECTED);

        private final ReviewStatus status;

        Decision(ReviewStatus status) {
            this.status = status;
        }
    }

    /** No item with this id for the tenant asking (another tenant's item is not theirs to see). */
    public static class ReviewItemNotFoundException extends RuntimeException {
        public ReviewItemNotFoundException(long id) {
            super("no review item " + id);
        }
    }

    public static class ReviewItemResolvedException extends RuntimeException {
        public ReviewItemResolvedException(long id, ReviewStatus status) {
            super("review item " + id + " is already " + status.name().toLowerCase());
        }
    }
}
