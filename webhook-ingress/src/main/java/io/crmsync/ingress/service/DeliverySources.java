package io.crmsync.ingress.service;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.StoreBinding;
import io.crmsync.commons.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Resolves the {@code {platform}/{storeId}} of a webhook URL against the tenant registry. */
@ApplicationScoped
public class DeliverySources {

    private final Tenants tenants;

    public DeliverySources(Tenants tenants) {
        this.tenants = tenants;
    }

    public DeliverySource resolve(String platformWire, String storeId) {
        // Only known words become tags: arbitrary URL text must not create metric series.
        Optional<Platform> platform = Platform.find(platformWire);
        // A store reached under another platform's URL is as unknown as a missing one.
        Optional<StoreBinding> binding = tenants.store(storeId)
                .filter(b -> platform.isPresent() && b.store().platform() == platform.get());
        return new DeliverySource(binding.map(b -> b.tenant().id()).orElse(WebhookMetrics.UNKNOWN),
                platform.map(Platform::wire).orElse(WebhookMetrics.UNKNOWN), storeId, binding);
    }
}
