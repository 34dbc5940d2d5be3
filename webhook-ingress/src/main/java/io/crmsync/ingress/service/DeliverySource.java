package io.crmsync.ingress.service;

import io.crmsync.commons.tenant.StoreBinding;

import java.util.Optional;

/**
 * Who a delivery claims to be from, resolved against the tenant registry.
 *
 * @param tenant   the owning tenant, or {@code unknown}; a metrics tag
 * @param platform the URL's platform if it is one we know, else {@code unknown}; a metrics tag
 * @param binding  the store and tenant, present only when the store exists under that platform
 */
public record DeliverySource(String tenant, String platform, String storeId, Optional<StoreBinding> binding) {
}
