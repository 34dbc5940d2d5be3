package io.crmsync.sourceapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;

import java.util.Set;

/** Reads one object from one platform's admin API in the shape the normalizer's mapper of that platform takes. */
public interface SourceObjectReader {

    Platform platform();

    /** The canonical object types ({@code order}, {@code customer}, ...) this platform's reader can fetch. */
    Set<String> objectTypes();

    /**
     * @param thinPayload what the webhook carried; some platforms need more than the id from it
     *                    (the order id of a BigCommerce shipment)
     * @return the authoritative object, in the agreed shape of the platform
     * @throws SourceApiException               when the store did not give it
     * @throws IllegalArgumentException         when the payload lacks what the read needs
     */
    JsonNode read(Store store, String objectType, String objectId, JsonNode thinPayload);
}
