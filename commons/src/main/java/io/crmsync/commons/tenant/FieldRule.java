package io.crmsync.commons.tenant;

import java.util.Objects;

/**
 * Who owns one CRM field and how commerce changes reach it.
 *
 * @param strategy how a commerce-owned field takes new values; null when the CRM owns the field
 *                 (commerce then only fills it while empty, so there is nothing to choose)
 */
public record FieldRule(FieldOwner owner, FieldStrategy strategy) {

    public FieldRule {
        Objects.requireNonNull(owner, "owner");
        if ((owner == FieldOwner.CRM) != (strategy == null)) {
            throw new IllegalArgumentException("owner crm takes no strategy; owner commerce needs one");
        }
    }

    public static FieldRule commerce(FieldStrategy strategy) {
        return new FieldRule(FieldOwner.COMMERCE, Objects.requireNonNull(strategy, "strategy"));
    }

    public static FieldRule crm() {
        return new FieldRule(FieldOwner.CRM, null);
    }

    public boolean crmOwned() {
        return owner == FieldOwner.CRM;
    }
}
