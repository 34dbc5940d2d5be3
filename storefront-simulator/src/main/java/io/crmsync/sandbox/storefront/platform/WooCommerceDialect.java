package io.crmsync.sandbox.storefront.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.sandbox.storefront.InvalidRequestException;
import io.crmsync.sandbox.storefront.ObjectType;
import io.crmsync.sandbox.storefront.StoredObject;
import io.crmsync.sandbox.storefront.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * WooCommerce: {@code date_modified} (site-local, no offset) beside {@code date_modified_gmt}; the
 * webhook body is the REST representation, signed {@code X-WC-Webhook-Signature = base64(HMAC-SHA256)}.
 * WooCommerce never retries a failed delivery.
 */
@ApplicationScoped
public class WooCommerceDialect implements PlatformDialect {

    private static final String USER_AGENT = "WooCommerce/8.9.3 Hookshot (WordPress/6.5.5)";

    private final ObjectMapper mapper;
    private final ZoneId siteZone;

    public WooCommerceDialect(ObjectMapper mapper, SimulatorConfig config) {
        this.mapper = mapper;
        this.siteZone = ZoneId.of(config.woocommerce().timezone());
    }

    @Override
    public Platform platform() {
        return Platform.WOOCOMMERCE;
    }

    public ZoneId siteZone() {
        return siteZone;
    }

    @Override
    public StoredObject stamp(ObjectType type, String id, ObjectNode body, Instant now, StoredObject previous) {
        body.put("date_modified", TimeFormats.wooLocal(now, siteZone));
        body.put("date_modified_gmt", TimeFormats.wooGmt(now));
        if (!body.hasNonNull("date_created") && !body.hasNonNull("date_created_gmt")) {
            Instant created = previous != null ? previous.createdAt() : now;
            body.put("date_created", TimeFormats.wooLocal(created, siteZone));
            body.put("date_created_gmt", TimeFormats.wooGmt(created));
        }
        return new StoredObject(id, body, createdAt(body), TimeFormats.seconds(now), Map.of());
    }

    private Instant createdAt(ObjectNode body) {
        String field = body.hasNonNull("date_created_gmt") ? "date_created_gmt" : "date_created";
        ZoneId zone = field.endsWith("_gmt") ? ZoneOffset.UTC : siteZone;
        String value = body.get(field).asText();
        return TimeFormats.parse(value, zone)
                .orElseThrow(() -> new InvalidRequestException(field + " is not a time: " + value));
    }

    @Override
    public WebhookEvent event(String storeId, ObjectType type, StoredObject object, boolean created, Instant now) {
        String topic = type.singular() + "." + (created ? "created" : "updated");
        return new WebhookEvent(UUID.randomUUID().toString(), storeId, Platform.WOOCOMMERCE, topic, object.id(),
                JsonBytes.of(mapper, object.body()), now);
    }

    @Override
    public Map<String, String> headers(Store store, WebhookEvent event, String deliveryId, Instant attemptAt) {
        String[] resourceAndEvent = event.topic().split("\\.", 2);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put("X-WC-Webhook-Source", "http://" + store.id() + ".example/");
        headers.put("X-WC-Webhook-Topic", event.topic());
        headers.put("X-WC-Webhook-Resource", resourceAndEvent[0]);
        headers.put("X-WC-Webhook-Event", resourceAndEvent[1]);
        headers.put("X-WC-Webhook-Signature", Signatures.hmacSha256Base64(store.webhookSecret(), event.body()));
        headers.put("X-WC-Webhook-ID", String.valueOf(subscriptionId(store.id(), event.topic())));
        headers.put("X-WC-Webhook-Delivery-ID", deliveryId);
        return headers;
    }

    /** A WooCommerce webhook is a subscription (a post id) per topic: stable for a store and topic. */
    static long subscriptionId(String storeId, String topic) {
        CRC32 crc = new CRC32();
        crc.update((storeId + "|" + topic).getBytes(StandardCharsets.UTF_8));
        return 100 + crc.getValue() % 9_900;
    }

    @Override
    public boolean retriesFailedDeliveries() {
        return false;
    }
}
