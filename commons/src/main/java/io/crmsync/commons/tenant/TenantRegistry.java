package io.crmsync.commons.tenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An immutable, validated snapshot of the tenant registry file. */
public final class TenantRegistry {

    private final List<Tenant> tenants;
    private final Map<String, Tenant> byId;
    private final Map<String, StoreBinding> byStoreId;

    TenantRegistry(List<Tenant> tenants) {
        this.tenants = List.copyOf(tenants);
        this.byId = tenants.stream().collect(Collectors.toUnmodifiableMap(Tenant::id, Function.identity()));
        this.byStoreId = tenants.stream()
                .flatMap(t -> t.stores().stream().map(s -> new StoreBinding(t, s)))
                .collect(Collectors.toUnmodifiableMap(b -> b.store().id(), Function.identity()));
    }

    public List<Tenant> tenants() {
        return tenants;
    }

    public Optional<Tenant> tenant(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Store ids are unique across tenants: a webhook URL names the store alone. */
    public Optional<StoreBinding> store(String storeId) {
        return Optional.ofNullable(byStoreId.get(storeId));
    }
}
