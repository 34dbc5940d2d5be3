package io.crmsync.writer;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Commands as the dedup-service writes them, sent as it sends them (CloudEvents binary mode),
 * and read access to the CRM sandbox's state for tenant acme (HubSpot account acme).
 */
final class WriterTestSupport {

    static final String ACME = TestTenants.ACME;
    private static final EventCodec CODEC = new EventCodec();

    private WriterTestSupport() {
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static CrmRecordUpsert contact(String key, String email, String firstName) {
        return new CrmRecordUpsert("cmd-" + UUID.randomUUID(), ACME, CrmRecordUpsert.CONTACT, key,
                Map.of("email", email, "firstName", firstName, "lastName", "Tester"), List.of(), SyncMode.LIVE,
                new SourceRef("shopify", TestTenants.ACME_SHOPIFY, "customer", key), Instant.now().minusSeconds(5));
    }

    static CrmRecordUpsert company(String key, String name) {
        return new CrmRecordUpsert("cmd-" + UUID.randomUUID(), ACME, CrmRecordUpsert.COMPANY, key,
                Map.of("name", name, "domain", key + ".example", "countryCode", "DE"), List.of(), SyncMode.LIVE,
                null, Instant.now().minusSeconds(5));
    }

    /** A deal for a new order of acme-shopify, associated with the given contacts. */
    static CrmRecordUpsert deal(SyncMode mode, String... contactKeys) {
        String orderRef = TestTenants.ACME_SHOPIFY + ":" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderRef", orderRef);
        fields.put("name", "Order #" + orderRef.substring(orderRef.indexOf(':') + 1));
        fields.put("amount", "194.00");
        fields.put("currency", "EUR");
        fields.put("status", "paid");
        fields.put("createdAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        List<AssociationRef> associations = java.util.Arrays.stream(contactKeys)
                .map(k -> new AssociationRef(CrmRecordUpsert.CONTACT, k)).toList();
        return new CrmRecordUpsert("cmd-" + UUID.randomUUID(), ACME, CrmRecordUpsert.DEAL, orderRef, fields,
                associations, mode, new SourceRef("shopify", TestTenants.ACME_SHOPIFY, "order",
                orderRef.substring(orderRef.indexOf(':') + 1)), Instant.now().minusSeconds(5));
    }

    static CrmRecordUpsert withAssociations(CrmRecordUpsert command, AssociationRef... associations) {
        return new CrmRecordUpsert(command.commandId(), command.tenant(), command.crmObjectType(), command.recordKey(),
                command.fields(), List.of(associations), command.syncMode(), command.source(), command.sourceUpdatedAt());
    }

    static CrmRecordUpsert withFields(CrmRecordUpsert command, Map<String, String> fields) {
        return new CrmRecordUpsert(command.commandId(), command.tenant(), command.crmObjectType(), command.recordKey(),
                fields, command.associations(), command.syncMode(), command.source(), command.sourceUpdatedAt());
    }

    /** The dedup-service's merge of {@code mergedKey} into {@code survivingKey}. */
    static CrmRecordMerge merge(String crmObjectType, String survivingKey, String mergedKey) {
        return new CrmRecordMerge("cmd-" + UUID.randomUUID(), ACME, crmObjectType, survivingKey, mergedKey,
                "merge-" + unique(), "same-email");
    }

    static void send(CrmRecordUpsert command) {
        send(command, null);
    }

    static void send(CrmRecordMerge command) {
        EventType<CrmRecordMerge> type = EventType.mergeFor(command.crmObjectType());
        TopicProbe.send(bootstrapServers(), Topics.CRM_RECORD_UPSERT, command.kafkaKey(), CODEC.encode(type, command),
                headers(type, command.tenant(), null));
    }

    /** Sends the command with the CloudEvents headers of the contract and, if given, a W3C traceparent. */
    static void send(CrmRecordUpsert command, String traceparent) {
        EventType<CrmRecordUpsert> type = EventType.upsertFor(command.crmObjectType());
        TopicProbe.send(bootstrapServers(), Topics.CRM_RECORD_UPSERT, command.kafkaKey(), CODEC.encode(type, command),
                headers(type, command.tenant(), traceparent));
    }

    private static Map<String, String> headers(EventType<?> type, String tenant, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPECVERSION, "1.0");
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.TYPE, type.name());
        headers.put(CloudEventHeaders.SOURCE, "/dedup-service");
        headers.put(CloudEventHeaders.TIME, Instant.now().toString());
        headers.put(CloudEventHeaders.DATASCHEMA, type.dataSchema());
        headers.put(CloudEventHeaders.TENANT, tenant);
        headers.put(CloudEventHeaders.ORIGIN, "webhook");
        headers.put("content-type", "application/json");
        if (traceparent != null) {
            headers.put(CloudEventHeaders.TRACEPARENT, traceparent);
        }
        return headers;
    }

    static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String sandbox() {
        return ConfigProvider.getConfig().getValue("crmsync.test.crm-sandbox-url", String.class);
    }

    /** The sandbox's HubSpot records of account acme: {@code [{id, properties, associations}]}. */
    static List<Map<String, Object>> objects(String hubSpotType) {
        return RestAssured.given().baseUri(sandbox()).get("/_sandbox/hubspot/acme/objects/" + hubSpotType)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static List<Map<String, Object>> objectsWith(String hubSpotType, String property, String value) {
        return objects(hubSpotType).stream().filter(o -> value.equals(properties(o).get(property))).toList();
    }

    static Optional<Map<String, Object>> objectWith(String hubSpotType, String property, String value) {
        return objectsWith(hubSpotType, property, value).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> properties(Map<String, Object> object) {
        return (Map<String, String>) object.get("properties");
    }

    @SuppressWarnings("unchecked")
    static List<String> associations(Map<String, Object> object, String hubSpotType) {
        Map<String, List<String>> associations = (Map<String, List<String>>) object.get("associations");
        return associations == null ? List.of() : associations.getOrDefault(hubSpotType, List.of());
    }

    /** HubSpot's own {@code GET /crm/v3/objects/{type}/{id}} on the sandbox: a merged id answers its primary. */
    static JsonPath crmGet(String hubSpotType, String id) {
        return RestAssured.given().baseUri(sandbox()).auth().oauth2(TestTenants.ACME_HUBSPOT_TOKEN)
                .get("/acme/crm/v3/objects/" + hubSpotType + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    static int requestsTo(String endpoint) {
        Integer count = stats().get("accounts.acme.requests.byEndpoint.'" + endpoint + "'");
        return count == null ? 0 : count;
    }

    static JsonPath stats() {
        return RestAssured.given().baseUri(sandbox()).get("/_sandbox/stats").then().statusCode(200).extract().jsonPath();
    }

    static int automationsFired() {
        Integer fired = stats().get("accounts.acme.automationsFired");
        return fired == null ? 0 : fired;
    }

    static int requestsWithStatus(int status) {
        Integer count = stats().get("accounts.acme.requests.byStatus.'" + status + "'");
        return count == null ? 0 : count;
    }

    /** Switches account acme into a fault mode ({@code none} ends it). */
    static void fault(String body) {
        RestAssured.given().baseUri(sandbox()).contentType(ContentType.JSON).body(body)
                .post("/_sandbox/faults").then().statusCode(204);
    }

    static void noFault() {
        fault("{\"account\":\"acme\",\"mode\":\"none\"}");
    }

    /** The same command for another tenant (its record keys unchanged). */
    static CrmRecordUpsert forTenant(CrmRecordUpsert command, String tenant) {
        return new CrmRecordUpsert(command.commandId(), tenant, command.crmObjectType(), command.recordKey(),
                command.fields(), command.associations(), command.syncMode(), command.source(), command.sourceUpdatedAt());
    }

    /** The sandbox's HubSpot records of any account. */
    static List<Map<String, Object>> objectsOf(String account, String hubSpotType) {
        return RestAssured.given().baseUri(sandbox()).get("/_sandbox/hubspot/" + account + "/objects/" + hubSpotType)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static Optional<Map<String, Object>> objectOf(String account, String hubSpotType, String property, String value) {
        return objectsOf(account, hubSpotType).stream().filter(o -> value.equals(properties(o).get(property))).findFirst();
    }

    /** Requests the account made, all statuses. */
    static int requestsOf(String account) {
        Integer count = stats().get("accounts." + account + ".requests.total");
        return count == null ? 0 : count;
    }

    static int requestsWithStatus(String account, int status) {
        Integer count = stats().get("accounts." + account + ".requests.byStatus.'" + status + "'");
        return count == null ? 0 : count;
    }

    static void fault(String account, String mode) {
        fault("{\"account\":\"" + account + "\",\"mode\":\"" + mode + "\"}");
    }

    static int requestsTo(String account, String endpoint) {
        Integer count = stats().get("accounts." + account + ".requests.byEndpoint.'" + endpoint + "'");
        return count == null ? 0 : count;
    }
}
