package io.crmsync.commons.tenant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A merchant: one CRM account and its stores.
 *
 * @param liveSince objects created before this date are history and sync in backfill mode
 */
public record Tenant(String id, LocalDate liveSince, CrmAccount crm, List<Store> stores) {

    public Optional<Store> store(String storeId) {
        return stores.stream().filter(s -> s.id().equals(storeId)).findFirst();
    }

    public boolean isHistory(Instant createdAt) {
        return createdAt != null && createdAt.isBefore(liveSince.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
