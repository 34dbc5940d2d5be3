package io.crmsync.dedup.ownership;

import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.ContactData;

import java.time.Instant;

/**
 * What one event proposes for a golden contact, with where it comes from.
 *
 * @param source  the person's record in the storefront (a guest's has no object id)
 * @param asOf    source time of {@code data}
 * @param eventId {@code ce_id} of the consumed event
 */
public record ContactUpdate(ContactData data, SourceRef source, Instant asOf, String eventId) {

    public String sourceIdentity() {
        return SourceIdentity.of(source);
    }
}
