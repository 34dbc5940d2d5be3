package io.crmsync.ingress.rest;

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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few thousand malformed deliveries from a seeded {@link Random}: whatever arrives, the service
 * answers without a 5xx, stays healthy, and publishes nothing. Signed bodies here never carry a
 * usable object id (or are not JSON objects at all), so any record on the topic is a bug.
 */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
@Order(8)
class MalformedRequestFuzzTest {

    private static final int ROUNDS = 250;
    private static final String[] CONTENT_TYPES = {null, "application/json", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1",
            "*/*", "garbage", "application/octet-stream"};
    private static final String[] PATH_TRICKS = {
            "/webhooks/shopify/..%2F..%2Fetc", "/webhooks/shopify/..%2F..%2Fetc%2Fpasswd", "/webhooks/unknown/acme-shopify",
            "/webhooks/shopify/", "/webhooks/shopify/%20", "/webhooks//acme-shopify", "/webhooks/shopify/acme-shopify%2Fx",
            "/webhooks/shopify%2Facme-shopify", "/webhooks/shopify/%2F", "/webhooks/shopify/%00", "/webhooks/SHOPIFY/acme-shopify",
            "/webhooks/shopify/acme%252Dshopify", "/webhooks/shopify/acme-shopify;x=1", "/webhooks/bigcommerce/acme-shopify",
            "/webhooks/adobe-commerce/acme-shopify", "/webhooks/woocommerce/globex-bc", "/webhooks/%E2%80%AE/x",
            "/webhooks/shopify/" + "a".repeat(3000), "/webhooks/shopify/" + "a".repeat(20_000), "/webhooks/" + "%2F".repeat(500)};

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20261122L);
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> unanswered = new ArrayList<>();

    @Test
    void noMalformedRequestGetsA5xxOrReachesTheTopic() throws Exception {
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
            for (int round = 0; round < ROUNDS; round++) {
                randomBytesUnsigned();
                randomSignature();
                validSignatureOver(randomBytes(random.nextInt(2000)));
                validSignatureOver(invalidUtf8());
                validSignatureOver(json(notAnObject()));
                validSignatureOver(json(numberWithHugeExponent()));
                pathTrick();
                randomStandardWebhooks();
            }
            deeplyNested();
            hugeHeaders();

            assertThat(statuses.keySet()).as("statuses seen: %s", statuses).allMatch(status -> status < 500)
                    // The requests really reached every layer: parser, signature check, store lookup.
                    .contains(400, 401, 404);
            // A closed connection instead of an answer is tolerated only for the oversize header sections.
            assertThat(unanswered).as("requests without an answer").allMatch(r -> r.toLowerCase().contains("x-padding"));
            assertThat(status(get("/q/health/ready"))).isEqualTo(200);
            assertThat(status(get("/q/health/live"))).isEqualTo(200);
            assertThat(probe.poll(Duration.ofSeconds(2))).isEmpty();
        }
    }

    private void randomBytesUnsigned() {
        send("/webhooks/shopify/" + TestTenants.ACME_SHOPIFY, Map.of("X-Shopify-Topic", "orders/create"),
                randomBytes(random.nextInt(4000)), randomContentType());
    }

    private void randomSignature() {
        byte[] body = json("{\"id\":" + random.nextInt(1_000_000) + "}");
        String[] platforms = {"shopify", "woocommerce"};
        String platform = platforms[random.nextInt(platforms.length)];
        String store = platform.equals("shopify") ? TestTenants.ACME_SHOPIFY : TestTenants.ACME_WOO;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Shopify-Topic", "orders/create");
        headers.put("X-WC-Webhook-Topic", "order.created");
        String signature = random.nextBoolean() ? Base64.getEncoder().encodeToString(randomBytes(32)) : randomText(random.nextInt(80));
        headers.put("X-Shopify-Hmac-Sha256", signature);
        headers.put("X-WC-Webhook-Signature", signature);
        send("/webhooks/" + platform + "/" + store, headers, body, randomContentType());
    }

    /** Correctly signed, so the parser itself faces the body. */
    private void validSignatureOver(byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Shopify-Topic", random.nextInt(4) == 0 ? randomText(20) : "orders/create");
        headers.put("X-Shopify-Hmac-Sha256", Signatures.bodyHmac(TestTenants.ACME_SHOPIFY_SECRET, body));
        send("/webhooks/shopify/" + TestTenants.ACME_SHOPIFY, headers, body, randomContentType());
    }

    private void pathTrick() {
        String path = PATH_TRICKS[random.nextInt(PATH_TRICKS.length)];
        byte[] body = json("{\"id\":" + random.nextInt(1_000_000) + "}");
        send(path, Map.of("X-Shopify-Topic", "orders/create",
                "X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(randomBytes(32))), body, "application/json");
    }

    private void randomStandardWebhooks() {
        byte[] body = random.nextBoolean() ? randomBytes(random.nextInt(500)) : json("{\"scope\":\"store/order/created\",\"data\":{}}");
        long timestamp = random.nextBoolean() ? System.currentTimeMillis() / 1000 : random.nextLong();
        String id = "msg_" + random.nextInt();
        String signature = random.nextBoolean()
                ? "v1," + Base64.getEncoder().encodeToString(randomBytes(32))
                : Signatures.standardWebhooks(TestTenants.GLOBEX_BC_SECRET, id, timestamp, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", random.nextInt(5) == 0 ? randomText(12) : Long.toString(timestamp));
        headers.put("webhook-signature", random.nextInt(5) == 0 ? randomText(60) : signature);
        send("/webhooks/bigcommerce/" + TestTenants.GLOBEX_BC, headers, body, randomContentType());
    }

    /** Far past the parser's nesting limit, with an id that would otherwise make it publishable, and just under it without. */
    private void deeplyNested() {
        for (String open : new String[]{"[", "{\"a\":"}) {
            String close = open.equals("[") ? "]" : "}";
            validSignatureOver(json("{\"id\":1,\"x\":" + open.repeat(10_000) + "1" + close.repeat(10_000) + "}"));
            validSignatureOver(json("{\"x\":" + open.repeat(900) + "1" + close.repeat(900) + "}"));
            validSignatureOver(json(open.repeat(100_000)));
        }
    }

    /** Header sections near and over the HTTP layer's limit (20 KiB). */
    private void hugeHeaders() {
        for (int size : new int[]{8_000, 19_000, 21_000, 64_000}) {
            byte[] body = json("{\"no_id\":true}");
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Shopify-Topic", "orders/create");
            headers.put("X-Shopify-Hmac-Sha256", Signatures.bodyHmac(TestTenants.ACME_SHOPIFY_SECRET, body));
            headers.put("X-Padding", "p".repeat(size));
            send("/webhooks/shopify/" + TestTenants.ACME_SHOPIFY, headers, body, "application/json");
        }
    }

    private String notAnObject() {
        String[] values = {"[]", "[{\"id\":1}]", "1", "\"order\"", "null", "true", "", " ", "{", "{\"id\":1", "{\"id\":1}}",
                "{\"id\":1} {\"id\":2}", "{'id':1}", "{\"id\":NaN}", "{\"id\":1,}"};
        return values[random.nextInt(values.length)];
    }

    private String numberWithHugeExponent() {
        String[] values = {"{\"id\":1e999999999}", "{\"id\":-1e-999999999}", "{\"id\":1E+2147483647}",
                "{\"total\":1e999999999}", "{\"id\":" + "9".repeat(5000) + ".5}", "{\"id\":0." + "0".repeat(2000) + "1e-99999}",
                "{\"id\":1.5}", "{\"id\":true}", "{\"id\":\"  \"}", "{\"id\":{}}"};
        return values[random.nextInt(values.length)];
    }

    private byte[] invalidUtf8() {
        byte[] prefix = json("{\"id\":\"");
        byte[] body = new byte[prefix.length + 6];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0}};
        byte[] pick = bad[random.nextInt(bad.length)];
        System.arraycopy(pick, 0, body, prefix.length, pick.length);
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';
        return java.util.Arrays.copyOf(body, prefix.length + 4);
    }

    private void send(String path, Map<String, String> headers, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        record(request.build());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private void record(HttpRequest request) {
        statuses.merge(status(request), 1, Integer::sum);
    }

    /**
     * The status, or 0 when the server closed the connection without one (allowed for oversize
     * header sections). One retry: the client may have reused a connection the server had just
     * closed after refusing the previous request.
     */
    private int status(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                if (attempt == 2) {
                    unanswered.add(request.method() + " " + request.uri().getRawPath().length() + "-char path, headers "
                            + request.headers().map().keySet() + ": " + e);
                    return 0;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String randomContentType() {
        return CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Printable ASCII only: the HTTP client refuses control characters in header values. */
    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x20 + random.nextInt(0x5F)));
        }
        return text.toString();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
