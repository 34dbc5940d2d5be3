package io.crmsync.normalizer.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.contract.model.Customer;
import io.crmsync.contract.model.Order;
import io.crmsync.contract.model.OrderStatus;
import io.crmsync.contract.model.Refund;
import io.crmsync.contract.webhook.Delivery;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.Simulator;
import io.crmsync.normalizer.TestPayloads;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.InMemorySpans;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.crmsync.testkit.TopicProbe.Received;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The normalizer against a real broker and the storefront simulator (fetch-back): records in on
 * {@code commerce.webhook.received.v1}, out on {@code commerce.entity.normalized.v1} or its
 * {@code .dlq}. Every test uses its own object ids and picks its records by key.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class,
        initArgs = @ResourceArg(name = "apps", value = CrmSyncTestResource.STOREFRONT_SIMULATOR))
class NormalizerFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DLQ = Topics.dlq(Topics.WEBHOOK_RECEIVED);
    private static final EventCodec CODEC = new EventCodec();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "crmsync.test.storefront-simulator-url")
    String simulatorUrl;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    MeterRegistry registry;

    @Test
    void normalizesAnOrderContinuingEnvelopeAndTrace() {
        String traceId = hex(16);
        ObjectNode payload = TestPayloads.guestOrder().put("id", 5800000101L);
        try (TopicProbe normalized = TopicProbe.open(bootstrapServers, Topics.ENTITY_NORMALIZED)) {
            // Shopify's X-Shopify-Triggered-At, finer than the order's whole-second updated_at.
            Instant triggeredAt = Instant.parse("2026-03-01T09:16:02.481207Z");
            send(webhook("orders/create", "order", "5800000101", payload, triggeredAt), "webhook",
                    traceparent(traceId, "01"), "shopify-event-5800000101");

            Received record = exactlyOne(normalized, "acme/order/5800000101");

            assertThat(record.headers())
                    .containsEntry(CloudEventHeaders.TYPE, "commerce.order.normalized.v1")
                    .containsEntry(CloudEventHeaders.TENANT, TestTenants.ACME)
                    .containsEntry(CloudEventHeaders.ORIGIN, "webhook")
                    .containsEntry(CloudEventHeaders.SOURCE, "/normalizer/acme-shopify")
                    .containsEntry(CloudEventHeaders.SUBJECT, "order/5800000101")
                    .containsEntry(CloudEventHeaders.DATASCHEMA, EventType.ORDER_NORMALIZED.dataSchema())
                    .containsEntry(CloudEventHeaders.DELIVERY_ID, "shopify-event-5800000101")
                    .containsEntry(CloudEventHeaders.OBSERVED_AT, triggeredAt.toString())
                    .containsKey(CloudEventHeaders.ID);
            assertThat(record.traceId()).isEqualTo(traceId);
            Order order = CODEC.decode(EventType.ORDER_NORMALIZED, record.value());
            assertThat(order.source().objectId()).isEqualTo("5800000101");
            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
            assertThat(order.totals().total()).isEqualTo("89.80");
            assertThat(order.customer().email()).isEqualTo("jörg.bäcker@example.com");
            assertThat(order.customer().phone()).isEqualTo("+493012345678");
        }
        // The mapping itself shows in the same trace.
        await().atMost(WAIT).untilAsserted(() -> assertThat(InMemorySpans.named(spans, "normalize"))
                .anySatisfy(span -> assertThat(span.getTraceId()).isEqualTo(traceId)));
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "crmsync_events_normalized_total{object_type=\"order\",platform=\"shopify\",tenant=\"acme\"}"));
    }

    @Test
    void unsampledTraceStillPropagatesButIsNotRecorded() {
        String traceId = hex(16);
        ObjectNode payload = TestPayloads.guestOrder().put("id", 5800000103L);
        try (TopicProbe normalized = TopicProbe.open(bootstrapServers, Topics.ENTITY_NORMALIZED)) {
            send(webhook("orders/updated", "order", "5800000103", payload), "webhook", traceparent(traceId, "00"));

            Received record = exactlyOne(normalized, "acme/order/5800000103");

            assertThat(record.traceId()).isEqualTo(traceId);
            assertThat(record.headers().get(CloudEventHeaders.TRACEPARENT)).endsWith("-00");
        }
        assertThat(spans.getFinishedSpanItems()).noneMatch(span -> span.getTraceId().equals(traceId));
    }

    @Test
    void normalizesACustomerKeepingItsOrigin() {
        ObjectNode payload = TestPayloads.frenchCustomer().put("id", 6200000101L);
        try (TopicProbe normalized = TopicProbe.open(bootstrapServers, Topics.ENTITY_NORMALIZED)) {
            // A polled object's delivery names its modification time; when it was read is its observation.
            Instant modified = Instant.parse("2026-03-01T09:16:02Z");
            Instant readAt = Instant.parse("2026-03-01T09:20:00.250Z");
            WebhookReceived polled = new WebhookReceived("shopify", TestTenants.ACME_SHOPIFY, "customers/update",
                    "customer", "6200000101", new Delivery("poll:6200000101:" + modified, true, modified), readAt, payload);
            send(polled, "poll", traceparent(hex(16), "01"));

            Received record = exactlyOne(normalized, "acme/customer/6200000101");

            assertThat(record.headers())
                    .containsEntry(CloudEventHeaders.TYPE, "commerce.customer.normalized.v1")
                    .containsEntry(CloudEventHeaders.ORIGIN, "poll")
                    .containsEntry(CloudEventHeaders.OBSERVED_AT, readAt.toString());
            Customer customer = CODEC.decode(EventType.CUSTOMER_NORMALIZED, record.value());
            assertThat(customer.lastName()).isEqualTo("Dupré");
            assertThat(customer.phone()).isEqualTo("+33612345678");
        }
    }

    @Test
    void normalizesAWooCommerceRefundReadByTheReconciler() {
        ObjectNode refund = JsonNodeFactory.instance.objectNode().put("id", 9900000201L)
                .put("date_created_gmt", "2026-03-05T16:30:00").put("amount", "20.00").put("reason", "");
        refund.putObject("_links").putArray("up").addObject().put("href", "https://shop.example.com/wp-json/wc/v3/orders/5003");
        WebhookReceived polled = new WebhookReceived("woocommerce", TestTenants.ACME_WOO, "order_refund.created", "refund",
                "9900000201", new Delivery(UUID.randomUUID().toString(), false, null), Instant.now(), refund);
        try (TopicProbe normalized = TopicProbe.open(bootstrapServers, Topics.ENTITY_NORMALIZED)) {
            send(polled, "poll", traceparent(hex(16), "01"));

            Received record = exactlyOne(normalized, "acme/refund/9900000201");

            assertThat(record.headers())
                    .containsEntry(CloudEventHeaders.TYPE, "commerce.refund.normalized.v1")
                    .containsEntry(CloudEventHeaders.SOURCE, "/normalizer/acme-woo")
                    .containsEntry(CloudEventHeaders.ORIGIN, "poll");
            Refund mapped = CODEC.decode(EventType.REFUND_NORMALIZED, record.value());
            assertThat(mapped.orderId()).isEqualTo("5003");
            assertThat(mapped.amount()).isEqualTo("20.00");
        }
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "crmsync_events_normalized_total{object_type=\"refund\",platform=\"woocommerce\",tenant=\"acme\"}"));
    }

    @Test
    void eventWithoutMappingGoesToTheDeadLetterTopicAsMapping() {
        JsonNode product = JsonNodeFactory.instance.objectNode().put("id", 9900000001L);
        ObjectNode wooDeletion = JsonNodeFactory.instance.objectNode().put("id", 727);
        WebhookReceived unmappedTopic = webhook("products/delete", "product", "9900000001", product);
        WebhookReceived wooDeleted = new WebhookReceived("woocommerce", TestTenants.ACME_WOO, "order.deleted", "order",
                "727", new Delivery("woo-727", false, null), Instant.now(), wooDeletion);
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers, DLQ)) {
            byte[] productBytes = send(unmappedTopic, "webhook", traceparent(hex(16), "01"));
            send(wooDeleted, "webhook", traceparent(hex(16), "01"));

            Received productLetter = exactlyOne(dlq, "acme/acme-shopify/product/9900000001");
            Received wooLetter = exactlyOne(dlq, "acme/acme-woo/order/727");

            assertThat(productLetter.headers())
                    .containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "mapping")
                    .containsEntry(CloudEventHeaders.DLQ_ERROR_MESSAGE, "no shopify mapping for topic products/delete (product)")
                    .containsKey("dead-letter-reason");
            assertThat(productLetter.value()).isEqualTo(productBytes);
            assertThat(wooLetter.headers())
                    .containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "mapping")
                    .containsEntry(CloudEventHeaders.DLQ_ERROR_MESSAGE, "woocommerce order.deleted: deletions are not synced");
        }
        given().get("/q/metrics").then().statusCode(200).body(matchesPattern(
                "(?s).*crmsync_dlq_records_total\\{error_class=\"mapping\",service=\"normalizer\",tenant=\"acme\"} [1-9].*"));
    }

    @Test
    void recordThatIsNotJsonIsASchemaDeadLetterAndTheNextRecordStillFlows() {
        ObjectNode payload = TestPayloads.guestOrder().put("id", 5800000102L);
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers, DLQ);
             TopicProbe normalized = TopicProbe.open(bootstrapServers, Topics.ENTITY_NORMALIZED)) {
            byte[] garbage = "{\"platform\": \"shopify\", oops".getBytes(StandardCharsets.UTF_8);
            TopicProbe.send(bootstrapServers, Topics.WEBHOOK_RECEIVED, "acme/acme-shopify/order/not-json", garbage,
                    ceHeaders("webhook", traceparent(hex(16), "01")));
            send(webhook("orders/paid", "order", "5800000102", payload), "webhook", traceparent(hex(16), "01"));

            Received letter = exactlyOne(dlq, "acme/acme-shopify/order/not-json");
            assertThat(letter.headers()).containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "schema");
            assertThat(letter.value()).isEqualTo(garbage);
            assertThat(exactlyOne(normalized, "acme/order/5800000102").headers())
                    .containsEntry(CloudEventHeaders.TYPE, "commerce.order.normalized.v1");
        }
    }

    @Test
    void recordWithoutCloudEventsHeadersIsASchemaDeadLetter() {
        byte[] data = CODEC.encode(EventType.WEBHOOK_RECEIVED,
                webhook("orders/create", "order", "5800000104", TestPayloads.guestOrder().put("id", 5800000104L)));
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers, DLQ)) {
            TopicProbe.send(bootstrapServers, Topics.WEBHOOK_RECEIVED, "acme/acme-shopify/order/5800000104", data, Map.of());

            assertThat(exactlyOne(dlq, "acme/acme-shopify/order/5800000104").headers())
                    .containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "schema");
        }
    }

    @Test
    void shopifyTopicConfiguredForFetchBackIsMappedFromTheStoresCurrentObject() {
        String traceId = hex(16);
        // The store's order has moved on: fulfilled, and re-priced, since the webhook was written.
        ObjectNode current = TestPayloads.guestOrder().put("id", 5800000106L)
                .put("fulfillment_status", "fulfilled").put("total_price", "99.80");
        new Simulator(simulatorUrl).put(TestTenants.ACME_SHOPIFY, "orders", "5800000106", current.toString());
        ObjectNode stale = TestPayloads.guestOrder().put("id", 5800000106L);
        Instant triggeredAt = Instant.now();
        try (TopicProbe normalized = TopicProbe.open(bootstrapServers, Topics.ENTITY_NORMALIZED)) {
            send(webhook("orders/fulfilled", "order", "5800000106", stale, triggeredAt), "webhook",
                    traceparent(traceId, "01"));

            Received record = exactlyOne(normalized, "acme/order/5800000106");
            // Observed when it was read back, after the webhook fired.
            assertThat(Instant.parse(record.headers().get(CloudEventHeaders.OBSERVED_AT))).isAfter(triggeredAt);
            Order order = CODEC.decode(EventType.ORDER_NORMALIZED, record.value());

            assertThat(order.status()).isEqualTo(OrderStatus.FULFILLED);
            assertThat(order.totals().total()).isEqualTo("99.80");
            // The simulator stamped its own modification time: the fetched object, not the webhook's, was mapped.
            assertThat(order.updatedAt()).isAfter(Instant.parse("2026-03-01T09:16:02Z"));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(InMemorySpans.named(spans, "fetch-back"))
                .anySatisfy(span -> {
                    assertThat(span.getTraceId()).isEqualTo(traceId);
                    assertThat(span.getAttributes().asMap().values()).contains("shopify", "order");
                }));
    }

    @Test
    void bigCommerceRecordOfAnObjectTheStoreDoesNotHaveIsASourceUnavailableDeadLetter() {
        WebhookReceived thin = bigCommerce("store/order/updated", "order", 4999999);
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers, DLQ)) {
            byte[] sent = send(thin, "webhook", traceparent(hex(16), "01"));

            Received letter = exactlyOne(dlq, "globex/globex-bc/order/4999999");

            assertThat(letter.headers()).containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "source-unavailable");
            assertThat(letter.headers().get(CloudEventHeaders.DLQ_ERROR_MESSAGE)).contains("not found").contains("globex-bc");
            assertThat(letter.value()).isEqualTo(sent);
        }
        given().get("/q/metrics").then().statusCode(200).body(matchesPattern(
                "(?s).*crmsync_dlq_records_total\\{error_class=\"source-unavailable\",service=\"normalizer\",tenant=\"globex\"} [1-9].*"));
    }

    @Test
    void duringAnOutageABigCommerceRecordIsRetriedThenDeadLetteredAndTheNextRecordStillFlows() {
        Simulator simulator = new Simulator(simulatorUrl);
        simulator.put(TestTenants.GLOBEX_BC, "orders", "4101", resource("/bigcommerce/fetch-back-order-v2.json").replace("4100", "4101"));
        simulator.fault(TestTenants.GLOBEX_BC, "api-outage");
        double unavailableBefore = unavailableCalls();
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers, DLQ);
             TopicProbe normalized = TopicProbe.open(bootstrapServers, Topics.ENTITY_NORMALIZED)) {
            byte[] sent = send(bigCommerce("store/order/updated", "order", 4101), "webhook", traceparent(hex(16), "01"));
            send(webhook("orders/paid", "order", "5800000107", TestPayloads.guestOrder().put("id", 5800000107L)),
                    "webhook", traceparent(hex(16), "01"));

            Received letter = exactlyOne(dlq, "globex/globex-bc/order/4101");
            assertThat(letter.headers()).containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "source-unavailable");
            assertThat(letter.headers().get(CloudEventHeaders.DLQ_ERROR_MESSAGE)).contains("503");
            assertThat(letter.value()).isEqualTo(sent);
            assertThat(exactlyOne(normalized, "acme/order/5800000107").headers())
                    .containsEntry(CloudEventHeaders.TYPE, "commerce.order.normalized.v1");
        } finally {
            simulator.fault(TestTenants.GLOBEX_BC, "none");
        }
        // Every attempt is counted: the first call and the configured retries (2 in %test).
        assertThat(unavailableCalls() - unavailableBefore).isEqualTo(3);
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "crmsync_source_api_calls_total{outcome=\"unavailable\",platform=\"bigcommerce\",tenant=\"globex\"}"));
    }

    @Test
    void revokedStoreCredentialsAreAnAuthDeadLetter() {
        Simulator simulator = new Simulator(simulatorUrl);
        simulator.put(TestTenants.GLOBEX_BC, "orders", "4102", resource("/bigcommerce/fetch-back-order-v2.json").replace("4100", "4102"));
        simulator.fault(TestTenants.GLOBEX_BC, "api-auth");
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers, DLQ)) {
            byte[] sent = send(bigCommerce("store/order/updated", "order", 4102), "webhook", traceparent(hex(16), "01"));

            Received letter = exactlyOne(dlq, "globex/globex-bc/order/4102");
            assertThat(letter.headers()).containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "auth");
            assertThat(letter.headers().get(CloudEventHeaders.DLQ_ERROR_MESSAGE)).contains("401").contains("globex-bc")
                    .doesNotContain(TestTenants.GLOBEX_BC_ADMIN_TOKEN);
            assertThat(letter.value()).isEqualTo(sent);
        } finally {
            simulator.fault(TestTenants.GLOBEX_BC, "none");
        }
        given().get("/q/metrics").then().statusCode(200).body(matchesPattern(
                "(?s).*crmsync_dlq_records_total\\{error_class=\"auth\",service=\"normalizer\",tenant=\"globex\"} [1-9].*"));
    }

    private double unavailableCalls() {
        Counter counter = registry.find("crmsync.source.api.calls")
                .tags("tenant", TestTenants.GLOBEX, "platform", "bigcommerce", "outcome", "unavailable").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aDeletedBigCommerceObjectIsNotFetchedAndItsThinPayloadIsDeadLettered() {
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers, DLQ)) {
            send(bigCommerce("store/product/deleted", "product", 5300), "webhook", traceparent(hex(16), "01"));

            // No mapper can make an entity of a thin payload: it stays visible in the DLQ as mapping.
            assertThat(exactlyOne(dlq, "globex/globex-bc/product/5300").headers())
                    .containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "mapping");
        }
    }

    @Test
    void bigCommerceThinWebhookIsMappedFromTheFetchedOrder() {
        new Simulator(simulatorUrl).put(TestTenants.GLOBEX_BC, "orders", "4100", resource("/bigcommerce/fetch-back-order-v2.json"));
        try (TopicProbe normalized = TopicProbe.open(bootstrapServers, Topics.ENTITY_NORMALIZED)) {
            send(bigCommerce("store/order/created", "order", 4100), "webhook", traceparent(hex(16), "01"));

            Received record = exactlyOne(normalized, "globex/order/4100");

            assertThat(record.headers()).containsEntry(CloudEventHeaders.SOURCE, "/normalizer/globex-bc");
            Order order = CODEC.decode(EventType.ORDER_NORMALIZED, record.value());
            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
            assertThat(order.totals().currency()).isEqualTo("EUR");
            assertThat(order.totals().total()).isEqualTo("55.9300");
            assertThat(order.lines()).singleElement().satisfies(line -> assertThat(line.sku()).isEqualTo("OKO-S"));
            assertThat(order.shippingAddresses()).singleElement()
                    .satisfies(address -> assertThat(address.city()).isEqualTo("Düsseldorf"));
            assertThat(order.customer().email()).isEqualTo("zoe.mueller@example.com");
            assertThat(order.customer().phone()).isEqualTo("+49301234567");
        }
    }

    /** A BigCommerce webhook as webhook-ingress publishes it: the thin body, objectType from the scope. */
    private static WebhookReceived bigCommerce(String scope, String objectType, long id) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("created_at", Instant.now().getEpochSecond());
        body.put("store_id", "1025646");
        body.put("producer", "stores/" + TestTenants.GLOBEX_BC);
        body.put("scope", scope);
        body.put("hash", "352e4afc6dd3fc85ea26bfdf3f91852604d57528");
        body.putObject("data").put("type", objectType).put("id", id);
        return new WebhookReceived("bigcommerce", TestTenants.GLOBEX_BC, scope, objectType, String.valueOf(id),
                new Delivery(UUID.randomUUID().toString(), true, Instant.now()), Instant.now(), body);
    }

    private static String resource(String name) {
        try (InputStream in = NormalizerFlowTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void healthAndOpenApiAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    /** Waits for the key, then keeps listening briefly so a duplicate would be seen. */
    private static Received exactlyOne(TopicProbe probe, String key) {
        await().atMost(WAIT).until(() -> probe.poll(Duration.ofMillis(200)).stream().anyMatch(r -> key.equals(r.key())));
        List<Received> matching = probe.poll(Duration.ofSeconds(2)).stream().filter(r -> key.equals(r.key())).toList();
        assertThat(matching).as("records keyed %s", key).hasSize(1);
        return matching.get(0);
    }

    private static WebhookReceived webhook(String topic, String objectType, String objectId, JsonNode payload) {
        return webhook(topic, objectType, objectId, payload, Instant.now());
    }

    private static WebhookReceived webhook(String topic, String objectType, String objectId, JsonNode payload,
                                           Instant triggeredAt) {
        return new WebhookReceived("shopify", TestTenants.ACME_SHOPIFY, topic, objectType, objectId,
                new Delivery(UUID.randomUUID().toString(), true, triggeredAt), Instant.now(), payload);
    }

    /** Sends as webhook-ingress would: key {@code tenant/store/objectType/objectId}, binary-mode CloudEvents headers. */
    private byte[] send(WebhookReceived event, String origin, String traceparent) {
        return send(event, origin, traceparent, null);
    }

    /** @param deliveryId the platform's stable delivery id webhook-ingress puts in {@code ce_deliveryid}, or null */
    private byte[] send(WebhookReceived event, String origin, String traceparent, String deliveryId) {
        byte[] data = CODEC.encode(EventType.WEBHOOK_RECEIVED, event);
        String tenant = tenantOf(event.storeId());
        String key = tenant + "/" + event.storeId() + "/" + event.objectType() + "/" + event.objectId();
        Map<String, String> headers = ceHeaders(tenant, "/webhooks/" + event.platform() + "/" + event.storeId(), origin,
                traceparent);
        if (deliveryId != null) {
            headers.put(CloudEventHeaders.DELIVERY_ID, deliveryId);
        }
        TopicProbe.send(bootstrapServers, Topics.WEBHOOK_RECEIVED, key, data, headers);
        return data;
    }

    private static String tenantOf(String storeId) {
        return storeId.equals(TestTenants.GLOBEX_BC) ? TestTenants.GLOBEX : TestTenants.ACME;
    }

    private static Map<String, String> ceHeaders(String origin, String traceparent) {
        return ceHeaders(TestTenants.ACME, "/webhooks/shopify/acme-shopify", origin, traceparent);
    }

    private static Map<String, String> ceHeaders(String tenant, String source, String origin, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPECVERSION, "1.0");
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.TYPE, EventType.WEBHOOK_RECEIVED.name());
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TIME, Instant.now().toString());
        headers.put(CloudEventHeaders.DATASCHEMA, EventType.WEBHOOK_RECEIVED.dataSchema());
        headers.put(CloudEventHeaders.TENANT, tenant);
        headers.put(CloudEventHeaders.ORIGIN, origin);
        headers.put("content-type", "application/json");
        headers.put(CloudEventHeaders.TRACEPARENT, traceparent);
        return headers;
    }

    private static String traceparent(String traceId, String flags) {
        return "00-" + traceId + "-" + hex(8) + "-" + flags;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C declares invalid
        return HexFormat.of().formatHex(random);
    }
}
