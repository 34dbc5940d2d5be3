package io.crmsync.normalizer.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.StoreBinding;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.sourceapi.SourceNotConfiguredException;
import io.crmsync.sourceapi.SourceObjects;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Replaces a record's payload with the authoritative object read from the store's admin API
 * (span {@code fetch-back}; its attributes name the platform and object type, never an id).
 * Blocks: call it on a worker thread.
 */
@ApplicationScoped
public class FetchBackService {

    private final Tenants tenants;
    private final SourceObjects sources;

    public FetchBackService(Tenants tenants, SourceObjects sources) {
        this.tenants = tenants;
        this.sources = sources;
    }

    /**
     * @return the same event with {@code payload} = the fetched object
     * @throws io.crmsync.sourceapi.SourceApiException when the store did not give the object
     */
    @WithSpan("fetch-back")
    public WebhookReceived fetch(WebhookReceived event) {
        Span.current().setAttribute("crmsync.platform", event.platform());
        Span.current().setAttribute("crmsync.object_type", event.objectType());
        Store store = tenants.store(event.storeId()).map(StoreBinding::store)
                .filter(s -> s.platform().wire().equals(event.platform()))
                .orElseThrow(() -> new SourceNotConfiguredException("store " + event.storeId() + " is not a "
                        + event.platform() + " store of the tenant registry"));
        JsonNode object = sources.read(store, event.objectType(), event.objectId(), event.payload());
        return new WebhookReceived(event.platform(), event.storeId(), event.topic(), event.objectType(), event.objectId(),
                event.delivery(), event.receivedAt(), object);
    }
}
