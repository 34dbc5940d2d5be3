package io.crmsync.sandbox.storefront.service;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.sandbox.storefront.UnknownStoreException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The stores the simulator plays, straight from the tenant registry (platform, webhook secret, API credentials). */
@ApplicationScoped
public class StoreDirectory {

    private final Tenants tenants;

    public StoreDirectory(Tenants tenants) {
        this.tenants = tenants;
    }

    public Store require(String storeId) {
        return find(storeId).orElseThrow(() -> new UnknownStoreException(storeId));
    }

    public Optional<Store> find(String storeId) {
        return tenants.store(storeId).map(binding -> binding.store());
    }

    /** The store, if it exists and runs on {@code platform}: a Shopify path on a WooCommerce store is a 404. */
    public Optional<Store> find(String storeId, Platform platform) {
        return find(storeId).filter(s -> s.platform() == platform);
    }
}
