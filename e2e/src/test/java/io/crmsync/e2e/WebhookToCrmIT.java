package io.crmsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmsync.commons.tenant.Store;
import io.crmsync.commons.tenant.TenantRegistryLoader;
import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.testkit.FreePorts;
import io.crmsync.testkit.SharedFixtures;
import io.crmsync.testkit.TopicProbe;
import io.crmsync.testkit.stack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system through the local stack: every service, the broker, the database, the CRM
 * sandbox and the storefront simulator as the processes {@code deploy/local/stack up} runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookToCrmIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path RUN_DIR = ROOT.resolve("e2e/target/stack");
    private static final String SANDBOX = LocalStack.url("crm-sandbox");
    private static final long RUN = System.currentTimeMillis() % 1_000_000_000L;

    private static LocalStack stack;
    private static Store acmeShopify;
    private static ShopifyWebhooks webhooks;
    private static StorefrontSimulator simulator;
    private static final CrmSandbox crm = new CrmSandbox(SANDBOX);

    @BeforeAll
    static void up() throws IOException {
        stack = LocalStack.fresh(ROOT, RUN_DIR);
        stack.up(System.out);
        acmeShopify = new TenantRegistryLoader().load(stack.tenantsFile()).store("acme-shopify").orElseThrow().store();
        webhooks = new ShopifyWebhooks(LocalStack.url("webhook-ingress"));
        simulator = new StorefrontSimulator(LocalStack.url("storefront-simulator"));
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.down(System.out);
        }
    }

    @Test
    @Order(1)
    void aSignedOrderBecomesOneContactAndOneAssociatedDeal() {
        long orderId = 7_000_000_000L + RUN;
        String body = ownOrder(orderId, "  Zoë.Müller@Example.COM ");
        try (TopicProbe received = probe(Topics.WEBHOOK_RECEIVED);
             TopicProbe normalized = probe(Topics.ENTITY_NORMALIZED);
             TopicProbe commands = probe(Topics.CRM_RECORD_UPSERT)) {

            webhooks.post("acme-shopify", "orders/create", body, acmeShopify.webhookSecret(), UUID.randomUUID().toString())
                    .then().statusCode(202);

            JsonNode deal = awaitDeal("acme-shopify:" + orderId);
            JsonNode contact = contactWithEmail("zoë.müller@example.com");
            assertThat(deal.path("associations").path("contacts")).extracting(JsonNode::asText)
                    .containsExactly(contact.path("id").asText());
            assertThat(deal.path("properties").path("amount").asText()).isEqualTo("120.50");
            assertThat(contact.path("properties").path("firstname").asText()).isEqualTo("Zoë");

            // One trace: the ingress's trace id travels on every hop's record.
            String traceId = traceIdOf(received, "acme/acme-shopify/order/" + orderId);
            assertThat(traceId).isNotBlank();
            assertThat(traceIdOf(normalized, "acme/order/" + orderId)).isEqualTo(traceId);
            assertThat(commands.await(2, Duration.ofSeconds(30)).stream()
                    .filter(r -> r.key().equals("acme/deal/acme-shopify:" + orderId))
                    .map(TopicProbe.Received::traceId)).containsExactly(traceId);
        }
    }

    @Test
    @Order(2)
    void theRealShopifyOrderFromTheFixturesReachesTheCrm() throws IOException {
        JsonNode order = SharedFixtures.resources("shopify/rest_2024-04_order_find__test_8.json", "order").get(0);
        String body = JSON.writeValueAsString(order);

        webhooks.post("acme-shopify", "orders/create", body, acmeShopify.webhookSecret(), UUID.randomUUID().toString())
                .then().statusCode(202);

        JsonNode deal = awaitDeal("acme-shopify:" + order.path("id").asText());
        JsonNode contact = contactWithEmail(order.path("email").asText().trim().toLowerCase());
        assertThat(deal.path("associations").path("contacts")).extracting(JsonNode::asText)
                .containsExactly(contact.path("id").asText());
    }

    @Test
    @Order(3)
    void theSameDeliveryTwiceGivesOneDeal() {
        long orderId = 7_100_000_000L + RUN;
        String body = ownOrder(orderId, "repeat.buyer@example.com");
        String eventId = UUID.randomUUID().toString();
        webhooks.post("acme-shopify", "orders/create", body, acmeShopify.webhookSecret(), eventId).then().statusCode(202);
        webhooks.post("acme-shopify", "orders/create", body, acmeShopify.webhookSecret(), eventId).then().statusCode(202);

        awaitDeal("acme-shopify:" + orderId);
        // Give the second delivery every chance to produce a second deal before counting.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).until(() ->
                dealsWithRef("acme-shopify:" + orderId).size() == 1);
    }

    @Test
    @Order(4)
    void aBadSignatureIsRefusedAndPublishesNothing() {
        long orderId = 7_200_000_000L + RUN;
        try (TopicProbe received = probe(Topics.WEBHOOK_RECEIVED)) {
            webhooks.post("acme-shopify", "orders/create", ownOrder(orderId, "x@example.com"), "not-the-secret",
                    UUID.randomUUID().toString()).then().statusCode(401);
            assertThat(received.poll(Duration.ofSeconds(3))).isEmpty();
        }
        assertThat(dealsWithRef("acme-shopify:" + orderId)).isEmpty();
    }

    @Test
    @Order(5)
    void wooCommerceOrderAndCustomerReachTheCrmWithTheCanonicalRules() {
        long orderId = 7_300_000_000L + RUN % 1_000_000;
        long customerId = 7_400_000_000L + RUN % 1_000_000;
        simulator.put("acme-woo", "customers", customerId, StorefrontPayloads.wooCustomer(customerId, "  Åsa.Öberg@Example.SE "));
        simulator.put("acme-woo", "orders", orderId, StorefrontPayloads.wooGuestOrder(orderId, " Zoë.Woo@Example.COM "));

        JsonNode deal = awaitDeal("acme-woo:" + orderId);
        assertThat(deal.path("properties").path("amount").asText()).isEqualTo("89.80");
        JsonNode buyer = contactWithEmail("zoë.woo@example.com");
        assertThat(buyer.path("properties").path("phone").asText()).isEqualTo("+49891234567");
        assertThat(buyer.path("properties").path("lastname").asText()).isEqualTo("Müller-Łukasiewicz");
        assertThat(deal.path("associations").path("contacts")).extracting(JsonNode::asText)
                .containsExactly(buyer.path("id").asText());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                objects("contacts").stream().anyMatch(c -> "åsa.öberg@example.se".equals(c.path("properties").path("email").asText())));
        JsonNode customer = contactWithEmail("åsa.öberg@example.se");
        assertThat(customer.path("properties").path("phone").asText()).isEqualTo("+46701234567");
        assertThat(customer.path("properties").path("firstname").asText()).isEqualTo("Åsa");
    }

    @Test
    @Order(6)
    void bigCommerceThinWebhookIsFetchedBackAndPublishedAsACanonicalOrder() {
        long orderId = 7_500_000L + RUN % 1_000_000;
        try (TopicProbe normalized = probe(Topics.ENTITY_NORMALIZED)) {
            simulator.put("globex-bc", "orders", orderId, StorefrontPayloads.bigCommerceOrder(orderId, "Hank.Scorpio@Globex.EXAMPLE"));

            TopicProbe.Received record = normalized.await(1, Duration.ofSeconds(60)).stream()
                    .filter(r -> ("globex/order/" + orderId).equals(r.key())).findFirst()
                    .orElseThrow(() -> new AssertionError("no canonical order globex/order/" + orderId));
            assertThat(record.headers()).containsEntry(CloudEventHeaders.TYPE, EventType.ORDER_NORMALIZED.name());
            JsonNode order = readTree(record.valueAsString());
            // Nothing of this was in the webhook (BigCommerce sends only scope, type and id): all fetched.
            assertThat(order.path("totals").path("total").asText()).isEqualTo("123.9000");
            assertThat(order.path("totals").path("currency").asText()).isEqualTo("USD");
            assertThat(order.path("status").asText()).isEqualTo("paid");
            assertThat(order.path("lines").get(0).path("sku").asText()).isEqualTo("DD-1");
            assertThat(order.path("customer").path("email").asText()).isEqualTo("hank.scorpio@globex.example");
            assertThat(order.path("customer").path("phone").asText()).isEqualTo("+15417543010");
            assertThat(order.path("company").path("name").asText()).isEqualTo("Globex Corporation");
            assertThat(order.path("shippingAddresses")).hasSize(2);
        }
    }

    // --- One person, one CRM contact (dedup-service identity resolution) ---

    @Test
    @Order(10)
    void onePersonThroughTwoStoresWithDifferentEmailCaseIsOneContact() {
        String email = "mia.schulz+" + RUN + "@example.com";
        simulator.put("acme-shopify", "customers", 9_100_000_000L + RUN, StorefrontPayloads.shopifyCustomer(
                9_100_000_000L + RUN, "Mia.Schulz+" + RUN + "@Example.com", "Mia", "Schulz", null));
        simulator.put("acme-woo", "customers", 9_200_000L + RUN % 1_000_000, StorefrontPayloads.wooCustomer(
                9_200_000L + RUN % 1_000_000, "mia.schulz+" + RUN + "@example.COM", "Mia", "Schulz"));

        assertExactlyOneContactStays(email, "Schulz");
    }

    @Test
    @Order(11)
    void anEmailChangeUpdatesTheSameContact() {
        long id = 9_300_000_000L + RUN;
        String oldEmail = "old.address+" + RUN + "@example.com";
        String newEmail = "new.address+" + RUN + "@example.com";
        simulator.put("acme-shopify", "customers", id, StorefrontPayloads.shopifyCustomer(id, oldEmail, "Ida", "Berg", null));
        String key = awaitContact(oldEmail).path("properties").path("crmsync_contact_key").asText();

        simulator.put("acme-shopify", "customers", id, StorefrontPayloads.shopifyCustomer(id, newEmail, "Ida", "Berg", null));

        JsonNode contact = assertExactlyOneContactStays(newEmail, "Berg");
        assertThat(contact.path("properties").path("crmsync_contact_key").asText()).isEqualTo(key);
        assertThat(contactsWithEmail(oldEmail)).isEmpty();
    }

    @Test
    @Order(12)
    void aGuestCheckoutFollowedByAnAccountIsOneContact() {
        String email = "guest.then.account+" + RUN + "@example.com";
        long orderId = 9_400_000L + RUN % 1_000_000;
        simulator.put("acme-woo", "orders", orderId, StorefrontPayloads.wooGuestOrder(orderId, email, "Lea", "Vogt", "030 5550199"));
        awaitDeal("acme-woo:" + orderId);

        long customerId = 9_500_000_000L + RUN;
        simulator.put("acme-shopify", "customers", customerId,
                StorefrontPayloads.shopifyCustomer(customerId, email, "Lea", "Vogt", null));

        JsonNode contact = assertExactlyOneContactStays(email, "Vogt");
        assertThat(dealsWithRef("acme-woo:" + orderId).get(0).path("associations").path("contacts"))
                .extracting(JsonNode::asText).containsExactly(contact.path("id").asText());
    }

    @Test
    @Order(13)
    void twoExistingContactsThatTurnOutToBeOnePersonAreMergedInTheCrm() {
        long shopifyId = 9_600_000_000L + RUN;
        String first = "first.address+" + RUN + "@example.com";
        String second = "second.address+" + RUN + "@example.com";
        simulator.put("acme-shopify", "customers", shopifyId, StorefrontPayloads.shopifyCustomer(shopifyId, first, "Ola", "Nordmann", null));
        long wooId = 9_700_000L + RUN % 1_000_000;
        simulator.put("acme-woo", "customers", wooId, StorefrontPayloads.wooCustomer(wooId, second, "Ola", "Nordmann"));
        awaitContact(first);
        awaitContact(second);

        // The Shopify account now uses the address the WooCommerce account has: one person.
        simulator.put("acme-shopify", "customers", shopifyId, StorefrontPayloads.shopifyCustomer(shopifyId, second, "Ola", "Nordmann", null));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(objects("contacts").stream().filter(c -> mentions(c, first) || mentions(c, second))).hasSize(1));
    }

    @Test
    @Order(14)
    void anOlderUpdateArrivingAfterANewerOneChangesNothing() {
        long id = 9_800_000_000L + RUN;
        String email = "out.of.order+" + RUN + "@example.com";
        String newer = StorefrontPayloads.shopifyCustomer(id, email, "Neu", "Reihenfolge", "2026-03-02T12:00:00+01:00");
        String older = StorefrontPayloads.shopifyCustomer(id, email, "Alt", "Reihenfolge", "2026-03-02T11:00:00+01:00");
        webhooks.post("acme-shopify", "customers/update", newer, acmeShopify.webhookSecret(), UUID.randomUUID().toString())
                .then().statusCode(202);
        awaitContact(email);
        webhooks.post("acme-shopify", "customers/update", older, acmeShopify.webhookSecret(), UUID.randomUUID().toString())
                .then().statusCode(202);

        JsonNode contact = assertExactlyOneContactStays(email, "Reihenfolge");
        assertThat(contact.path("properties").path("firstname").asText()).isEqualTo("Neu");
    }

    // --- The CRM writer: an outage, a tight rate limit, refused credentials, a backfill ---

    @Test
    @Order(15)
    void duringA20SecondOutageOfAcmesCrmGlobexKeepsSyncingAndAfterwardsEveryAcmeOrderArrives() throws InterruptedException {
        List<String> acmeRefs = new ArrayList<>();
        long bigCommerceOrder = 7_600_000L + RUN % 1_000_000;
        crm.fault("acme", "outage");
        long outageStarted = System.nanoTime();
        try {
            for (int i = 0; i < 5; i++) {
                long orderId = 7_700_000_000L + RUN * 10 + i;
                acmeRefs.add("acme-shopify:" + orderId);
                webhooks.post("acme-shopify", "orders/create", StorefrontPayloads.shopifyOrder(orderId,
                                "outage." + i + "." + RUN + "@example.com", "Outage", "2026-11-01T10:00:00Z"),
                        acmeShopify.webhookSecret(), UUID.randomUUID().toString()).then().statusCode(202);
            }
            simulator.put("globex-bc", "orders", bigCommerceOrder,
                    StorefrontPayloads.bigCommerceOrder(bigCommerceOrder, "outage." + RUN + "@globex.example"));

            // Globex's opportunity is written while acme's CRM is still out, and acme's deals are not.
            await().atMost(Duration.ofSeconds(18)).pollInterval(Duration.ofMillis(500)).until(() ->
                    opportunityWithRef("globex-bc:" + bigCommerceOrder).isPresent());
            assertThat(crm.hubSpot("acme", "deals")).noneMatch(d -> acmeRefs.contains(d.path("properties")
                    .path("crmsync_order_ref").asText()));
            assertThat(crm.requestsWithStatus("acme", 503)).isPositive();
            long left = Duration.ofSeconds(20).toNanos() - (System.nanoTime() - outageStarted);
            if (left > 0) {
                Thread.sleep(Duration.ofNanos(left).toMillis());
            }
        } finally {
            crm.fault("acme", "none");
        }
        // The first retry comes 30 s (±20 %) after the failed attempt: every order arrives then.
        for (String ref : acmeRefs) {
            awaitDeal(ref, Duration.ofMinutes(2));
        }
    }

    @Test
    @Order(16)
    void threeHundredOrdersUnderTenRequestsPerTenSecondsAllArriveWithAHandfulOf429sAndFewCalls() throws Exception {
        crm.fault("{\"account\":\"acme\",\"mode\":\"rate-limit\",\"requests\":10,\"perSeconds\":10}");
        int callsBefore = crm.requests("acme");
        int limitedBefore = crm.requestsWithStatus("acme", 429);
        Set<String> refs = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long orderId = 7_800_000_000L + RUN * 1000 + i;
                String email = "load." + i + "." + RUN + "@example.com";
                sent.add(senders.submit(() -> {
                    webhooks.post("acme-shopify", "orders/create",
                                    StorefrontPayloads.shopifyOrder(orderId, email, "Load" + orderId % 1000, "2026-11-02T10:00:00Z"),
                                    acmeShopify.webhookSecret(), UUID.randomUUID().toString())
                            .then().statusCode(202);
                    refs.add("acme-shopify:" + orderId);
                }));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() ->
                    crm.hubSpot("acme", "deals").stream()
                            .filter(d -> refs.contains(d.path("properties").path("crmsync_order_ref").asText()))
                            .filter(d -> d.path("associations").path("contacts").size() == 1)
                            .count() == 300);
            int calls = crm.requests("acme") - callsBefore;
            int limited = crm.requestsWithStatus("acme", 429) - limitedBefore;
            System.out.printf("300 orders under 10 requests / 10 s: %d CRM calls (%.3f per order), %d answered 429%n",
                    calls, calls / 300.0, limited);
            assertThat(limited).isLessThanOrEqualTo(5);
            assertThat(calls).isLessThanOrEqualTo(30);
        } finally {
            senders.shutdownNow();
            crm.fault("acme", "none");
        }
    }

    @Test
    @Order(17)
    void refusedCredentialsPauseTheTenantAndAfterTheResumeAllItsOrdersArrive() {
        String writer = LocalStack.url("crm-writer");
        long first = 7_900_000_000L + RUN * 10;
        long second = first + 1;
        crm.fault("acme", "auth");
        try {
            postOrder(first, "locked.1." + RUN + "@example.com");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    "paused".equals(given().baseUri(writer).auth().oauth2(stack.token("crmsync-viewer"))
                            .get("/admin/tenants/acme").then().statusCode(200).extract().path("state")));
            assertThat(given().baseUri(writer).auth().oauth2(stack.token("crmsync-viewer")).get("/admin/tenants/acme")
                    .then().extract().<String>path("reason")).isEqualTo("auth");
        } finally {
            crm.fault("acme", "none");
        }
        // Fixed credentials are not enough: the tenant stays paused until an operator resumes it.
        int requestsWhilePaused = crm.requests("acme");
        postOrder(second, "locked.2." + RUN + "@example.com");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> crm.requests("acme") == requestsWhilePaused);

        given().baseUri(writer).auth().oauth2(stack.token("crmsync-operator")).contentType("application/json")
                .body("{\"message\":\"token renewed\"}").post("/admin/tenants/acme/resume")
                .then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("active"));
        awaitDeal("acme-shopify:" + first, Duration.ofSeconds(60));
        awaitDeal("acme-shopify:" + second, Duration.ofSeconds(60));
    }

    @Test
    @Order(18)
    void anOrderFromBeforeGoLiveArrivesWithTheBackfillMarkerAndFiresNoAutomation() {
        int fired = crm.automationsFired("acme");
        long history = 7_950_000_000L + RUN;
        simulator.putSilently("acme-shopify", "orders", history, StorefrontPayloads.shopifyOrder(history,
                "history." + RUN + "@example.com", "History", "2025-06-01T10:00:00Z"));
        given().baseUri(LocalStack.url("reconciler")).auth().oauth2(stack.token("crmsync-operator"))
                .post("/admin/poll").then().statusCode(200);

        JsonNode backfilled = awaitDeal("acme-shopify:" + history, Duration.ofSeconds(60));
        assertThat(backfilled.path("properties").path("crmsync_sync_mode").asText()).isEqualTo("backfill");
        assertThat(crm.automationsFired("acme")).isEqualTo(fired);

        long live = history + 1;
        postOrder(live, "live." + RUN + "@example.com");
        JsonNode written = awaitDeal("acme-shopify:" + live, Duration.ofSeconds(60));
        assertThat(written.path("properties").path("crmsync_sync_mode").asText()).isEqualTo("live");
        assertThat(crm.automationsFired("acme")).isEqualTo(fired + 1);
    }

    // --- The reconciler: missed webhooks, history ---

    @Test
    @Order(19)
    void anOrderWhoseWebhookNeverCameReachesTheCrmWithinACoupleOfPollIntervals() {
        long orderId = 7_960_000_000L + RUN;
        // The local stack polls every 30 s; nothing here triggers a poll.
        simulator.putSilently("acme-shopify", "orders", orderId, StorefrontPayloads.shopifyOrder(orderId,
                "missed." + RUN + "@example.com", "Missed", "2026-11-04T10:00:00Z"));
        JsonNode deal = awaitDeal("acme-shopify:" + orderId, Duration.ofSeconds(100));
        assertThat(deal.path("properties").path("crmsync_sync_mode").asText()).isEqualTo("live");
    }

    @Test
    @Order(20)
    void aBackfillBringsHistoryWithTheMarkerAndNoAutomationWhileRecentOrdersFireIt() {
        int fired = crm.automationsFired("acme");
        long history = 7_970_000_000L + RUN * 10;
        long recent = history + 1;
        simulator.putSilently("acme-shopify", "orders", history, StorefrontPayloads.shopifyOrder(history,
                "old." + RUN + "@example.com", "Old", "2025-03-01T10:00:00Z"));
        simulator.putSilently("acme-shopify", "orders", recent, StorefrontPayloads.shopifyOrder(recent,
                "new." + RUN + "@example.com", "New", "2026-11-05T10:00:00Z"));
        given().baseUri(LocalStack.url("reconciler")).auth().oauth2(stack.token("crmsync-operator"))
                .contentType("application/json")
                .body("{\"tenant\":\"acme\",\"storeId\":\"acme-shopify\",\"since\":\"2025-01-01\",\"objectTypes\":[\"order\"]}")
                .post("/admin/backfills").then().statusCode(202);

        JsonNode old = awaitDeal("acme-shopify:" + history, Duration.ofSeconds(100));
        JsonNode fresh = awaitDeal("acme-shopify:" + recent, Duration.ofSeconds(100));
        assertThat(old.path("properties").path("crmsync_sync_mode").asText()).isEqualTo("backfill");
        assertThat(fresh.path("properties").path("crmsync_sync_mode").asText()).isEqualTo("live");
        assertThat(crm.automationsFired("acme")).isEqualTo(fired + 1);
    }

    @Test
    @Order(90)
    void statusReportsEveryComponentReady() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(stack.status(new PrintStream(out))).as(out.toString()).isTrue();
        assertThat(out.toString()).contains("webhook-ingress", "normalizer", "dedup-service", "crm-writer", "reconciler",
                "crm-sandbox", "storefront-simulator", "kafka", "postgres");
    }

    @Test
    @Order(91)
    void downLeavesNoProcessOfOursRunning() {
        Set<Long> ours = descendantsAndSelfOf(stack);
        stack.down(System.out);
        assertThat(ours).isNotEmpty().allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(stack.status(new PrintStream(out))).isFalse();
        assertThat(out.toString()).doesNotContain("ready").doesNotContain("starting");
        assertThat(LocalStack.ports()).noneMatch(FreePorts::isListening);
        stack = null;
    }

    private static Set<Long> descendantsAndSelfOf(LocalStack stack) {
        return stack.runningProcesses().stream()
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static TopicProbe probe(String topic) {
        return TopicProbe.open(stack.kafkaBootstrapServers(), topic);
    }

    private static String traceIdOf(TopicProbe probe, String key) {
        return probe.await(1, Duration.ofSeconds(30)).stream().filter(r -> key.equals(r.key()))
                .map(TopicProbe.Received::traceId).findFirst().orElseThrow(() -> new AssertionError("no record keyed " + key));
    }

    private static void postOrder(long orderId, String email) {
        webhooks.post("acme-shopify", "orders/create", StorefrontPayloads.shopifyOrder(orderId, email, "Writer",
                "2026-11-03T10:00:00Z"), acmeShopify.webhookSecret(), UUID.randomUUID().toString()).then().statusCode(202);
    }

    private static java.util.Optional<JsonNode> opportunityWithRef(String orderRef) {
        return crm.salesforce("globex", "Opportunity").stream()
                .filter(o -> orderRef.equals(o.path("CrmSync_Order_Ref__c").asText())).findFirst();
    }

    private static JsonNode awaitDeal(String orderRef) {
        return awaitDeal(orderRef, Duration.ofSeconds(60));
    }

    private static JsonNode awaitDeal(String orderRef, Duration atMost) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            found.clear();
            found.addAll(dealsWithRef(orderRef));
            return !found.isEmpty() && found.get(0).path("associations").path("contacts").size() > 0;
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> dealsWithRef(String orderRef) {
        return objects("deals").stream()
                .filter(d -> orderRef.equals(d.path("properties").path("crmsync_order_ref").asText())).toList();
    }

    private static JsonNode contactWithEmail(String email) {
        List<JsonNode> contacts = contactsWithEmail(email);
        assertThat(contacts).as("contacts with email %s", email).hasSize(1);
        return contacts.get(0);
    }

    /** Waits for the contact, then gives any second contact every chance to appear before counting. */
    private static JsonNode assertExactlyOneContactStays(String email, String lastName) {
        awaitContact(email);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20)).until(() ->
                contactsWithEmail(email).size() == 1);
        JsonNode contact = contactsWithEmail(email).get(0);
        assertThat(contact.path("properties").path("lastname").asText()).isEqualTo(lastName);
        return contact;
    }

    private static JsonNode awaitContact(String email) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> !contactsWithEmail(email).isEmpty());
        return contactsWithEmail(email).get(0);
    }

    private static List<JsonNode> contactsWithEmail(String email) {
        return objects("contacts").stream().filter(c -> email.equals(c.path("properties").path("email").asText())).toList();
    }

    /** The contact's e-mail or one of HubSpot's additional e-mails (a merge keeps the other address there). */
    private static boolean mentions(JsonNode contact, String email) {
        JsonNode properties = contact.path("properties");
        return email.equals(properties.path("email").asText())
                || List.of(properties.path("hs_additional_emails").asText("").split(";")).contains(email);
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    private static List<JsonNode> objects(String type) {
        String body = given().baseUri(SANDBOX).get("/_sandbox/hubspot/acme/objects/" + type).then().statusCode(200)
                .extract().asString();
        try {
            List<JsonNode> all = new ArrayList<>();
            JSON.readTree(body).forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }

    /** A Shopify order webhook body written from Shopify's documented REST order shape. */
    private static String ownOrder(long orderId, String email) {
        long customerId = 8_000_000_000L + orderId % 1_000_000;
        return """
                {
                  "id": %d,
                  "name": "#%d",
                  "order_number": %d,
                  "email": "%s",
                  "phone": null,
                  "created_at": "2026-03-02T10:00:00+01:00",
                  "updated_at": "2026-03-02T10:05:00+01:00",
                  "processed_at": "2026-03-02T10:00:00+01:00",
                  "currency": "EUR",
                  "presentment_currency": "EUR",
                  "subtotal_price": "110.50",
                  "total_discounts": "0.00",
                  "total_tax": "10.00",
                  "total_price": "120.50",
                  "financial_status": "paid",
                  "fulfillment_status": null,
                  "cancelled_at": null,
                  "closed_at": null,
                  "buyer_accepts_marketing": false,
                  "customer": {
                    "id": %d,
                    "email": "%s",
                    "first_name": "Zoë",
                    "last_name": "Müller",
                    "phone": "+4930123456780",
                    "created_at": "2026-03-02T09:59:00+01:00",
                    "updated_at": "2026-03-02T10:00:00+01:00",
                    "email_marketing_consent": {"state": "not_subscribed", "opt_in_level": "single_opt_in", "consent_updated_at": null}
                  },
                  "billing_address": {
                    "first_name": "Zoë", "last_name": "Müller", "company": null,
                    "address1": "Hauptstraße 1", "address2": null, "city": "Berlin", "province": null,
                    "zip": "10115", "country": "Germany", "country_code": "DE", "phone": "030 1234567"
                  },
                  "shipping_address": {
                    "first_name": "Zoë", "last_name": "Müller", "company": null,
                    "address1": "Torstraße 9", "address2": null, "city": "Berlin", "province": null,
                    "zip": "10119", "country": "Germany", "country_code": "DE", "phone": "030 1234567"
                  },
                  "line_items": [
                    {"id": %d, "product_id": 632910392, "variant_id": 808950810, "sku": "ESPRESSO-1KG",
                     "title": "Espresso beans", "variant_title": "1 kg", "quantity": 2, "price": "55.25",
                     "total_discount": "0.00"}
                  ]
                }
                """.formatted(orderId, orderId % 100_000, orderId % 100_000, email, customerId, email, orderId + 1);
    }
}
