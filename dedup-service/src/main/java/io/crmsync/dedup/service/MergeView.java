package io.crmsync.dedup.service;

import io.crmsync.commons.log.Mask;
import io.crmsync.dedup.IdentityKind;
import io.crmsync.dedup.MergeRecord;
import io.crmsync.dedup.repository.MergeRepository.MovedLink;

import java.time.Instant;
import java.util.List;

/**
 * A merge as the admin API shows it. Identity values that are personal data (emails, phones) are
 * masked as in logs; store customer ids are shown as they are.
 *
 * @param reason     the match rule that joined the two ({@code same-email}, ...)
 * @param movedLinks the identity links the merge re-pointed from the merged record to the survivor
 */
public record MergeView(String id, String tenant, String survivorKey, String mergedKey, String reason, String eventId,
                        Instant mergedAt, List<Link> movedLinks, Instant undoneAt, String undoneBy) {

    public record Link(long linkId, String kind, String value) {

        static Link of(MovedLink moved) {
            return new Link(moved.linkId(), moved.kind(), masked(moved.kind(), moved.value()));
        }

        private static String masked(String kind, String value) {
            if (IdentityKind.EMAIL.name().equals(kind)) {
                return Mask.email(value);
            }
            if (IdentityKind.PHONE_LAST_NAME.name().equals(kind)) {
                return Mask.phone(value.substring(0, Math.max(0, value.indexOf('|')))) + "|***";
            }
            return value;
        }
    }

    static MergeView of(MergeRecord merge, List<MovedLink> moved) {
        return new MergeView(merge.id(), merge.tenant(), merge.survivorKey(), merge.mergedKey(), merge.reason().wire(),
                merge.eventId(), merge.mergedAt(), moved.stream().map(Link::of).toList(), merge.undoneAt(),
                merge.undoneBy());
    }
}
