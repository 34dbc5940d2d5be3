package io.crmsync.ingress.rest;

import io.crmsync.contract.EventCodec;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.ingress.Fixtures;
import io.crmsync.ingress.Signatures;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
@Order(1)
class ShopifyWebhookTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/webhooks/shopify/" + TestTenants.ACME_SHOPIFY)
    URI webhookUri;

    @Test
    void aSignedRealOrderIsOnTheTopicBeforeItIsAnswered() {
        byte[] body = Fixtures.unwrapped(Deliveries.SHOPIFY_ORDER, "order");
        String eventId = Deliveries.newEventId();
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
            String ceId = Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, Deliveries.shopifyHeaders(body, eventId), body)
                    .statusCode(202)
                    .body("status", equalTo("accepted"))
                    .body("deliveryId", equalTo(eventId))
                    .extract().path("eventId");

            // Acknowledged before the 202, so it is already there; a short poll catches any duplicate.
            probe.await(1, Duration.ofSeconds(20));
            List<TopicProbe.Received> records = probe.poll(Duration.ofSeconds(1));
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("acme/acme-shopify/order/450789469");
                assertThat(record.headers())
                        .containsEntry("ce_id", ceId)
                        .containsEntry("ce_type", "commerce.webhook.received.v1")
                        .containsEntry("ce_source", "/stores/acme-shopify")
                        .containsEntry("ce_subject", "order/450789469")
                        .containsEntry("ce_dataschema", "https://schemas.crmsync.io/v1/webhook-received.json")
                        .containsEntry("ce_tenant", "acme")
                        .containsEntry("ce_origin", "webhook")
                        // Shopify repeats X-Shopify-Event-Id on redelivery: the dedup-service drops by it.
                        .containsEntry("ce_deliveryid", eventId)
                        .containsKey("ce_time");
                assertThat(record.headers().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");

                WebhookReceived event = Deliveries.decode(record);
                assertThat(event.platform()).isEqualTo("shopify");
                assertThat(event.storeId()).isEqualTo("acme-shopify");
                assertThat(event.topic()).isEqualTo("orders/create");
                assertThat(event.objectType()).isEqualTo("order");
                assertThat(event.objectId()).isEqualTo("450789469");
                assertThat(event.delivery().id()).isEqualTo(eventId);
                assertThat(event.delivery().stable()).isTrue();
                assertThat(event.delivery().triggeredAt()).isNotNull();
                assertThat(event.receivedAt()).isNotNull();
                // As received, read the way the contract's codec reads JSON; compared as text because
                // number node classes may differ after a round trip while the written numbers do not.
                assertThat(event.payload().toString()).isEqualTo(EventCodec.parse(body).toString());
            });
        }
    }

    @Test
    void acceptsTheUnprefixedLowerCaseHeaderNames() {
        byte[] body = Deliveries.json("{\"id\":820982911946154508,\"email\":\"jon@example.com\"}");
        String eventId = Deliveries.newEventId();
        Map<String, String> headers = Map.of(
                "shopify-topic", "customers/update",
                "shopify-hmac-sha256", Signatures.bodyHmac(TestTenants.ACME_SHOPIFY_SECRET, body),
                "shopify-event-id", eventId,
                "shopify-triggered-at", "2024-05-01T10:00:00.123456789Z");
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
            Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, headers, body).statusCode(202);
            assertThat(probe.await(1, Duration.ofSeconds(20))).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("acme/acme-shopify/customer/820982911946154508");
                assertThat(Deliveries.decode(record).delivery().id()).isEqualTo(eventId);
            });
        }
    }

    @Test
    void refusesWhatItCannotTrustOrReadAndPublishesNothingForIt() throws Exception {
        byte[] order = Fixtures.unwrapped(Deliveries.SHOPIFY_ORDER, "order");
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
            Map<String, String> wrongSecret = Deliveries.shopifyHeaders(order, Deliveries.newEventId(), "not-the-secret");
            Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, wrongSecret, order)
                    .statusCode(401).body("error", equalTo("bad_signature"));

            byte[] tampered = Arrays.copyOf(order, order.length);
            tampered[tampered.length - 2] = ' ';
            Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, Deliveries.shopifyHeaders(order, Deliveries.newEventId()), tampered)
                    .statusCode(401).body("error", equalTo("bad_signature"));

            Map<String, String> unsigned = new LinkedHashMap<>(Deliveries.shopifyHeaders(order, Deliveries.newEventId()));
            unsigned.remove("X-Shopify-Hmac-Sha256");
            Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, unsigned, order)
                    .statusCode(401).body("error", equalTo("missing_signature"));

            Map<String, String> signed = Deliveries.shopifyHeaders(order, Deliveries.newEventId());
            Deliveries.post("shopify", "no-such-store", signed, order).statusCode(404).body("error", equalTo("unknown_store"));
            // A real store, but not a Shopify one: the URL's platform must be the store's.
            Deliveries.post("shopify", TestTenants.ACME_WOO, signed, order).statusCode(404).body("error", equalTo("unknown_store"));
            Deliveries.post("magento", TestTenants.ACME_SHOPIFY, signed, order).statusCode(404).body("error", equalTo("unknown_store"));

            byte[] notJson = Deliveries.json("{\"id\": 450789469, ");
            Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, Deliveries.shopifyHeaders(notJson, Deliveries.newEventId()), notJson)
                    .statusCode(400).body("error", equalTo("malformed_body"));

            byte[] noId = Deliveries.json("{\"name\":\"#1001\"}");
            Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, Deliveries.shopifyHeaders(noId, Deliveries.newEventId()), noId)
                    .statusCode(400).body("error", equalTo("missing_id"));

            Map<String, String> otherTopic = new LinkedHashMap<>(Deliveries.shopifyHeaders(order, Deliveries.newEventId()));
            otherTopic.put("X-Shopify-Topic", "app/uninstalled");
            Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, otherTopic, order)
                    .statusCode(400).body("error", equalTo("unknown_topic"));

            String tooLarge = postHeadOnly(5L * 1024 * 1024 + 1);
            assertThat(tooLarge).startsWith("HTTP/1.1 413 ").endsWith("{\"error\":\"payload_too_large\"}");

            // A correctly signed delivery after all of them: once it is on the topic, anything the
            // refused ones had published would be too, since each was answered only after its outcome.
            String marker = Deliveries.newEventId();
            Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, Deliveries.shopifyHeaders(order, marker), order).statusCode(202);
            probe.await(1, Duration.ofSeconds(20));
            assertThat(probe.poll(Duration.ofSeconds(1)))
                    .extracting(record -> Deliveries.decode(record).delivery().id())
                    .containsExactly(marker);
        }
    }

    @Test
    void aChunkedBodyCannotGrowPastTheLimit() {
        byte[] body = oversized();
        HttpRequest request = HttpRequest.newBuilder(webhookUri)
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Hmac-Sha256", Signatures.bodyHmac(TestTenants.ACME_SHOPIFY_SECRET, body))
                // No declared length: sent chunked, so only the HTTP layer's running count can stop it.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        assertThatCode(() -> {
            try {
                HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(413);
            } catch (IOException refusedMidUpload) {
                // The server may close the connection before the client has written everything: also a refusal.
            }
        }).doesNotThrowAnyException();
    }

    /**
     * Sends only the request head, declaring a body over the limit: the answer must come before a
     * byte of the body is sent.
     */
    private String postHeadOnly(long declaredLength) throws IOException {
        try (Socket socket = new Socket(webhookUri.getHost(), webhookUri.getPort())) {
            socket.setSoTimeout(20_000);
            String head = "POST " + webhookUri.getPath() + " HTTP/1.1\r\n"
                    + "Host: " + webhookUri.getHost() + ":" + webhookUri.getPort() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "X-Shopify-Topic: orders/create\r\n"
                    + "X-Shopify-Hmac-Sha256: " + Signatures.bodyHmac(TestTenants.ACME_SHOPIFY_SECRET, new byte[0]) + "\r\n"
                    + "Content-Length: " + declaredLength + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** Status line, headers and a Content-Length body of one HTTP/1.1 response. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    /** Valid JSON of 5 MiB + 1 byte, the default limit being 5 MiB. */
    private static byte[] oversized() {
        int size = 5 * 1024 * 1024 + 1;
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] head = Deliveries.json("{\"id\":1,\"note\":\"");
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
