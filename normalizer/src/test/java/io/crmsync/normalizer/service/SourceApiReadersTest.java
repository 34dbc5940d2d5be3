package io.crmsync.normalizer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.StoreBinding;
import io.crmsync.commons.tenant.Tenants;
import io.crmsync.normalizer.Simulator;
import io.crmsync.normalizer.TestPayloads;
import io.crmsync.sourceapi.SourceAuthException;
import io.crmsync.sourceapi.SourceCircuitOpenException;
import io.crmsync.sourceapi.SourceObjectNotFoundException;
import io.crmsync.sourceapi.SourceObjects;
import io.crmsync.sourceapi.SourceUnavailableException;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admin API readers against the real storefront simulator: the agreed shapes per platform,
 * the error classes, pacing and Retry-After under a rate limit, retries and the per-store breaker.
 * Retries are configured short in {@code %test} (2 retries, 50 ms backoff).
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class,
        initArgs = @ResourceArg(name = "apps", value = CrmSyncTestResource.STOREFRONT_SIMULATOR))
class SourceApiReadersTest {

    private static final int ATTEMPTS = 3;

    @Inject
    SourceObjects sources;

    @Inject
    Tenants tenants;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "crmsync.test.storefront-simulator-url")
    String simulatorUrl;

    Simulator simulator;

    @BeforeEach
    void simulator() {
        simulator = new Simulator(simulatorUrl);
    }

    @AfterEach
    void noFaults() {
        simulator.fault(TestTenants.GLOBEX_BC, "none");
        simulator.fault(TestTenants.ACME_SHOPIFY, "none");
    }

    @Test
    void bigCommerceOrderIsTheV2OrderWithItsSubResourcesInlined() {
        simulator.put(TestTenants.GLOBEX_BC, "orders", "4100", resource("/bigcommerce/fetch-back-order-v2.json"));

        JsonNode order = sources.read(store(TestTenants.GLOBEX_BC), "order", "4100", thin("order", 4100));

        assertThat(order.path("id").asLong()).isEqualTo(4100);
        assertThat(order.path("status_id").asInt()).isEqualTo(11);
        assertThat(order.path("total_inc_tax").asText()).isEqualTo("55.9300");
        assertThat(order.path("billing_address").path("last_name").asText()).isEqualTo("Müller");
        assertThat(order.path("products").isArray()).isTrue();
        assertThat(order.path("products")).singleElement().satisfies(line -> {
            assertThat(line.path("sku").asText()).isEqualTo("OKO-S");
            assertThat(line.path("quantity").asInt()).isEqualTo(2);
        });
        assertThat(order.path("shipping_addresses")).singleElement()
                .satisfies(address -> assertThat(address.path("city").asText()).isEqualTo("Düsseldorf"));
        // No coupons: BigCommerce answers 204, the agreed shape has an empty array.
        assertThat(order.path("coupons").isArray()).isTrue();
        assertThat(order.path("coupons")).isEmpty();
        // Numbers stay exact for the mappers (never a double).
        assertThat(order.path("date_modified").asText()).endsWith("+0000");
    }

    @Test
    void bigCommerceCustomerComesWithAddressesAndProductWithVariants() {
        simulator.put(TestTenants.GLOBEX_BC, "customers", "5100", """
                {"email": "jose.nunez@example.com", "first_name": "José", "last_name": "Núñez",
                 "addresses": [{"id": 1, "first_name": "José", "last_name": "Núñez", "city": "Sevilla", "country_code": "ES"}]}""");
        simulator.put(TestTenants.GLOBEX_BC, "products", "5200", """
                {"name": "Öko-T-Shirt", "sku": "OKO", "price": 19.90,
                 "variants": [{"id": 701, "sku": "OKO-S", "price": 19.90, "option_values": [{"label": "S"}]}]}""");

        JsonNode customer = sources.read(store(TestTenants.GLOBEX_BC), "customer", "5100", thin("customer", 5100));
        JsonNode product = sources.read(store(TestTenants.GLOBEX_BC), "product", "5200", thin("product", 5200));

        assertThat(customer.path("id").asLong()).isEqualTo(5100);
        assertThat(customer.path("last_name").asText()).isEqualTo("Núñez");
        assertThat(customer.path("addresses")).singleElement()
                .satisfies(address -> assertThat(address.path("city").asText()).isEqualTo("Sevilla"));
        assertThat(product.path("name").asText()).isEqualTo("Öko-T-Shirt");
        assertThat(product.path("price").decimalValue()).isEqualByComparingTo(new BigDecimal("19.90"));
        assertThat(product.path("price").isBigDecimal()).isTrue();
        assertThat(product.path("variants")).singleElement()
                .satisfies(variant -> assertThat(variant.path("sku").asText()).isEqualTo("OKO-S"));
    }

    @Test
    void bigCommerceShipmentAndRefundAreFoundThroughTheirOrder() {
        simulator.put(TestTenants.GLOBEX_BC, "orders", "4200", """
                {"status_id": 2, "shipments": [{"id": 12, "tracking_number": "1Z999", "items": [{"order_product_id": 901, "quantity": 2}]}],
                 "refunds": [{"id": 3, "reason": "Beschädigt", "total_amount": 5.50}, {"id": 4, "total_amount": 1.00}]}""");
        ObjectNode shipmentWebhook = thin("shipment", 12);
        ((ObjectNode) shipmentWebhook.path("data")).put("orderId", 4200);
        ObjectNode refundWebhook = thin("order", 4200);
        ((ObjectNode) refundWebhook.path("data")).putObject("refund").put("refund_id", 3);

        JsonNode shipment = sources.read(store(TestTenants.GLOBEX_BC), "fulfillment", "12", shipmentWebhook);
        JsonNode refund = sources.read(store(TestTenants.GLOBEX_BC), "refund", "3", refundWebhook);

        assertThat(shipment.path("order_id").asLong()).isEqualTo(4200);
        assertThat(shipment.path("tracking_number").asText()).isEqualTo("1Z999");
        assertThat(refund.path("id").asLong()).isEqualTo(3);
        assertThat(refund.path("reason").asText()).isEqualTo("Beschädigt");
        assertThat(refund.path("total_amount").decimalValue()).isEqualByComparingTo("5.50");
        assertThatThrownBy(() -> sources.read(store(TestTenants.GLOBEX_BC), "refund", "99", refundWebhook))
                .isInstanceOf(SourceObjectNotFoundException.class);
        assertThatThrownBy(() -> sources.read(store(TestTenants.GLOBEX_BC), "fulfillment", "12", thin("shipment", 12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no order id");
    }

    @Test
    void shopifyAndWooCommerceReadsUnwrapTheResource() {
        simulator.put(TestTenants.ACME_SHOPIFY, "orders", "5800000901", TestPayloads.guestOrder().put("id", 5800000901L).toString());
        simulator.put(TestTenants.ACME_WOO, "orders", "901", """
                {"status": "processing", "currency": "EUR", "total": "12.50", "billing": {"first_name": "Zoë"}}""");

        JsonNode shopify = sources.read(store(TestTenants.ACME_SHOPIFY), "order", "5800000901", null);
        JsonNode woo = sources.read(store(TestTenants.ACME_WOO), "order", "901", null);

        assertThat(shopify.path("id").asLong()).isEqualTo(5800000901L);
        assertThat(shopify.path("total_price").asText()).isEqualTo("89.80");
        assertThat(woo.path("total").asText()).isEqualTo("12.50");
        assertThat(woo.path("billing").path("first_name").asText()).isEqualTo("Zoë");
    }

    @Test
    void wrongCredentialsAreAnAuthFailureAndNotRetried() {
        Store real = store(TestTenants.GLOBEX_BC);
        Store revoked = new Store(real.id(), real.platform(), real.webhookSecret(), null, real.adminApiBaseUrl(),
                Map.of("accessToken", "revoked-token"));
        double before = calls(TestTenants.GLOBEX, "bigcommerce", "auth");

        assertThatThrownBy(() -> sources.read(revoked, "order", "4100", thin("order", 4100)))
                .isInstanceOf(SourceAuthException.class)
                .hasMessageContaining("globex-bc")
                .hasMessageNotContaining("revoked-token");
        assertThat(calls(TestTenants.GLOBEX, "bigcommerce", "auth") - before).isEqualTo(1);
    }

    @Test
    void aMissingObjectIsNotFoundAndNotRetried() {
        double before = calls(TestTenants.ACME, "shopify", "not_found");

        assertThatThrownBy(() -> sources.read(store(TestTenants.ACME_SHOPIFY), "order", "5899999999", null))
                .isInstanceOf(SourceObjectNotFoundException.class);
        assertThatThrownBy(() -> sources.read(store(TestTenants.GLOBEX_BC), "customer", "5999999", thin("customer", 5999999)))
                .isInstanceOf(SourceObjectNotFoundException.class);
        assertThat(calls(TestTenants.ACME, "shopify", "not_found") - before).isEqualTo(1);
    }

    @Test
    void aRateLimitedStoreIsPacedAndA429IsRetriedAfterTheWaitItAskedFor() {
        simulator.put(TestTenants.GLOBEX_BC, "orders", "4300", resource("/bigcommerce/fetch-back-order-v2.json").replace("4100", "4300"));
        simulator.put(TestTenants.ACME_SHOPIFY, "orders", "5800000902", TestPayloads.guestOrder().put("id", 5800000902L).toString());
        // BigCommerce: 2 requests per second; one order read is 4 calls, so the client must pace itself.
        simulator.rateLimit(TestTenants.GLOBEX_BC, 2, 1);
        double bcRateLimited = calls(TestTenants.GLOBEX, "bigcommerce", "rate_limited");
        double bcOk = calls(TestTenants.GLOBEX, "bigcommerce", "ok");

        JsonNode order = sources.read(store(TestTenants.GLOBEX_BC), "order", "4300", thin("order", 4300));

        assertThat(order.path("products")).hasSize(1);
        assertThat(calls(TestTenants.GLOBEX, "bigcommerce", "ok") - bcOk).isEqualTo(4);
        assertThat(calls(TestTenants.GLOBEX, "bigcommerce", "rate_limited") - bcRateLimited)
                .as("pacing from X-Rate-Limit-Requests-Left keeps the calls under the quota").isZero();

        // Shopify: a bucket of 1 that someone else just filled; the read meets a 429 with Retry-After and retries.
        simulator.rateLimit(TestTenants.ACME_SHOPIFY, 1, 2);
        assertThat(simulator.get("/" + TestTenants.ACME_SHOPIFY + "/admin/api/2024-04/orders/5800000902.json",
                Map.of("X-Shopify-Access-Token", TestTenants.ACME_SHOPIFY_ADMIN_TOKEN))).isEqualTo(200);
        double shopifyRateLimited = calls(TestTenants.ACME, "shopify", "rate_limited");

        JsonNode shopify = sources.read(store(TestTenants.ACME_SHOPIFY), "order", "5800000902", null);

        assertThat(shopify.path("id").asLong()).isEqualTo(5800000902L);
        assertThat(calls(TestTenants.ACME, "shopify", "rate_limited") - shopifyRateLimited).isEqualTo(1);
    }

    @Test
    void anOutageIsRetriedThenUnavailable() {
        simulator.fault(TestTenants.GLOBEX_BC, "api-outage");
        double before = calls(TestTenants.GLOBEX, "bigcommerce", "unavailable");

        assertThatThrownBy(() -> sources.read(store(TestTenants.GLOBEX_BC), "customer", "5100", thin("customer", 5100)))
                .isInstanceOf(SourceUnavailableException.class)
                .isNotInstanceOf(SourceCircuitOpenException.class)
                .hasMessageContaining("503");
        assertThat(calls(TestTenants.GLOBEX, "bigcommerce", "unavailable") - before).isEqualTo(ATTEMPTS);
    }

    @Test
    void aDeadStoreOpensOnlyItsOwnCircuitBreaker() {
        simulator.put(TestTenants.ACME_WOO, "orders", "902", "{\"status\": \"processing\"}");
        Store dead = new Store("dead-woo", Platform.WOOCOMMERCE, "secret", null, "http://127.0.0.1:9",
                Map.of("consumerKey", "ck", "consumerSecret", "cs"));

        SourceUnavailableException last = null;
        for (int read = 0; read < 4 && !(last instanceof SourceCircuitOpenException); read++) {
            try {
                sources.read(dead, "order", "1", null);
            } catch (SourceUnavailableException e) {
                last = e;
            }
        }

        assertThat(last).isInstanceOf(SourceCircuitOpenException.class).hasMessageContaining("dead-woo");
        assertThatThrownBy(() -> sources.read(dead, "order", "1", null)).isInstanceOf(SourceCircuitOpenException.class);
        // Another store of the same platform is still read.
        assertThat(sources.read(store(TestTenants.ACME_WOO), "order", "902", null).path("status").asText()).isEqualTo("processing");
    }

    private Store store(String id) {
        return tenants.store(id).map(StoreBinding::store).orElseThrow();
    }

    private double calls(String tenant, String platform, String outcome) {
        Counter counter = registry.find("crmsync.source.api.calls")
                .tags("tenant", tenant, "platform", platform, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A BigCommerce webhook body as BigCommerce sends it: scope and {@code data: {type, id}}. */
    private static ObjectNode thin(String type, long id) {
        ObjectNode webhook = JsonNodeFactory.instance.objectNode();
        webhook.put("scope", "store/" + type + "/updated");
        webhook.put("store_id", "1025646");
        webhook.putObject("data").put("type", type).put("id", id);
        return webhook;
    }

    private static String resource(String name) {
        try (InputStream in = SourceApiReadersTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
