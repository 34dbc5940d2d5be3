package io.crmsync.reconciler.accounting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.JwtTokens;
import io.crmsync.testkit.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both ends of the pipeline on the real broker: what entered ({@code commerce.webhook.received.v1})
 * and what the crm-writer settled ({@code crm.write.result.v1}); what entered and was never
 * settled within the grace period (1 s in tests) is a mismatch.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "storefront-simulator,crm-sandbox"))
class DeliveryAccountingTest {

    private static final String STORE = TestTenants.ACME_SHOPIFY;

    @Test
    void anOrderReceivedAndNeverSettledIsAMismatchWhileASettledOneIsNot() {
        String lost = orderId();
        String written = orderId();
        String deadLettered = orderId();
        receive(lost, "orders/create", "order", "webhook");
        receive(written, "orders/updated", "order", "poll");
        receive(deadLettered, "orders/create", "order", "webhook");
        settle(written, "created", null);
        settle(deadLettered, "dead-lettered", "validation");

        // The two topics are consumed independently: a result may be accounted after its receipt's grace.
        await().atMost(Duration.ofSeconds(30)).until(() -> onlyLostIsAMismatch(lost, written, deadLettered));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> onlyLostIsAMismatch(lost, written, deadLettered));
        Map<String, Object> mismatch = AccountingEvents.mismatch(lost).orElseThrow();
        assertThat(mismatch).containsEntry("platform", "shopify").containsEntry("storeId", STORE)
                .containsEntry("objectType", "order").containsEntry("lastOrigin", "webhook")
                .containsEntry("reason", "unsettled").containsEntry("state", "waiting").containsEntry("repairAttempts", 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("crmsync_reconcile_mismatches") >= 1
                && gauge("crmsync_reconcile_settled_ratio") < 1.0);

        // Settled at last (a retry, a resumed tenant): no longer a mismatch.
        settle(lost, "created", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !mismatchIds().contains(lost));
    }

    @Test
    void aResultBeforeItsReceivedEventAndObjectsThatNeverSyncAreNoMismatches() {
        String early = orderId();
        settle(early, "updated", null);
        receive(early, "orders/updated", "order", "webhook");
        String deleted = orderId();
        receive(deleted, "customers/delete", "customer", "webhook");
        String product = orderId();
        receive(product, "products/update", "product", "webhook");
        String marker = orderId();
        receive(marker, "orders/create", "order", "webhook");

        // The marker shows the events are being accounted; the others must stay out meanwhile.
        await().atMost(Duration.ofSeconds(30)).until(() -> mismatchIds().contains(marker));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> mismatchIds().stream().noneMatch(id -> List.of(early, deleted, product).contains(id)));
    }

    @Test
    void mismatchesNeedAViewerTokenAndATenant() {
        given().get("/admin/mismatches?tenant=acme").then().statusCode(401);
        given().auth().oauth2(JwtTokens.withRoles("someone-else")).get("/admin/mismatches?tenant=acme").then().statusCode(403);
        given().auth().oauth2(JwtTokens.viewer()).get("/admin/mismatches").then().statusCode(400);
    }

    private static String orderId() {
        return AccountingEvents.objectId();
    }

    private static void receive(String objectId, String topic, String objectType, String origin) {
        AccountingEvents.receive(objectId, topic, objectType, origin,
                JsonNodeFactory.instance.objectNode().put("id", Long.parseLong(objectId)));
    }

    private static void settle(String orderId, String outcome, String errorClass) {
        AccountingEvents.settle(orderId, outcome, errorClass, Instant.now());
    }

    private static boolean onlyLostIsAMismatch(String lost, String written, String deadLettered) {
        List<Object> ids = mismatchIds();
        return ids.contains(lost) && !ids.contains(written) && !ids.contains(deadLettered);
    }

    private static List<Object> mismatchIds() {
        return AccountingEvents.mismatchIds();
    }

    private static double gauge(String name) {
        return AccountingEvents.metric(name, null);
    }
}
