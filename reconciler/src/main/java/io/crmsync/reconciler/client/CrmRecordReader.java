package io.crmsync.reconciler.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.commons.tenant.CrmAccount;
import io.crmsync.commons.tenant.CrmKind;
import io.crmsync.contract.EventCodec;
import io.crmsync.reconciler.accounting.AccountingConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Read-only presence checks against a tenant's CRM, by the identities the DESIGN contract fixes:
 * HubSpot deals by {@code crmsync_order_ref} ({@code batch/read} with {@code idProperty}), contacts
 * by the CRM id a write result carried; Salesforce Opportunities by {@code CrmSync_Order_Ref__c} and
 * Contacts by {@code Id} (one SOQL {@code IN} query each). One request per call, whatever the
 * number of refs (at most 100). The crm-writer has its own clients; this deployable only reads.
 */
@ApplicationScoped
public class CrmRecordReader {

    /** The most refs one call may carry (HubSpot's batch read limit). */
    public static final int MAX_REFS = 100;

    private static final String ORDER_REF_HUBSPOT = "crmsync_order_ref";
    private static final String ORDER_REF_SALESFORCE = "CrmSync_Order_Ref__c";

    private final AccountingConfig.CrmCheck config;
    private final Map<String, CrmReadApi> byBaseUrl = new ConcurrentHashMap<>();

    public CrmRecordReader(AccountingConfig config) {
        this.config = config.crmCheck();
    }

    /** The CRM refused for rate limiting: stop asking it this round. */
    public static final class CrmRateLimited extends RuntimeException {
        public CrmRateLimited(String message) {
            super(message);
        }
    }

    /** The CRM could not be read (status or transport); the message names no credential. */
    public static final class CrmReadFailed extends RuntimeException {
        public CrmReadFailed(String message) {
            super(message);
        }
    }

    /** @return the order refs ({@code storeId:orderId}) whose deal / opportunity the CRM holds */
    public Set<String> presentOrders(CrmAccount account, List<String> orderRefs) {
        if (orderRefs.isEmpty()) {
            return Set.of();
        }
        if (account.kind() == CrmKind.HUBSPOT) {
            JsonNode answer = hubspotRead(account, "deals", ORDER_REF_HUBSPOT, orderRefs, List.of(ORDER_REF_HUBSPOT));
            return values(answer.path("results"), r -> r.path("properties").path(ORDER_REF_HUBSPOT).asText(""), orderRefs);
        }
        JsonNode answer = soql(account, "SELECT Id, " + ORDER_REF_SALESFORCE + " FROM Opportunity WHERE "
                + ORDER_REF_SALESFORCE + " IN (" + literals(orderRefs) + ")");
        return values(answer.path("records"), r -> r.path(ORDER_REF_SALESFORCE).asText(""), orderRefs);
    }

    /** @return the CRM ids whose contact the CRM holds */
    public Set<String> presentContacts(CrmAccount account, List<String> crmIds) {
        if (crmIds.isEmpty()) {
            return Set.of();
        }
        if (account.kind() == CrmKind.HUBSPOT) {
            JsonNode answer = hubspotRead(account, "contacts", null, crmIds, List.of("email"));
            return values(answer.path("results"), r -> r.path("id").asText(""), crmIds);
        }
        JsonNode answer = soql(account, "SELECT Id FROM Contact WHERE Id IN (" + literals(crmIds) + ")");
        return values(answer.path("records"), r -> r.path("Id").asText(""), crmIds);
    }

    private JsonNode hubspotRead(CrmAccount account, String objectType, String idProperty, List<String> ids,
                                 List<String> properties) {
        ObjectNode body = EventCodec.mapper().createObjectNode();
        if (idProperty != null) {
            body.put("idProperty", idProperty);
        }
        properties.forEach(body.putArray("properties")::add);
        ArrayNode inputs = body.putArray("inputs");
        ids.forEach(id -> inputs.addObject().put("id", id));
        // 207: some ids were not found (listed in the errors); the results hold the others.
        return call(account, "HubSpot " + objectType + " batch read",
                api -> api.hubspotBatchRead(bearer(account), objectType, body.toString()), 200, 207);
    }

    private JsonNode soql(CrmAccount account, String query) {
        return call(account, "Salesforce query",
                api -> api.salesforceQuery(bearer(account), config.salesforceApiVersion(), query), 200);
    }

    private JsonNode call(CrmAccount account, String what, Function<CrmReadApi, RestResponse<String>> send,
                          int... ok) {
        RestResponse<String> response;
        try {
            response = send.apply(api(account.baseUrl()));
        } catch (RuntimeException e) {
            throw new CrmReadFailed(what + " of account " + account.account() + " got no answer: " + e.getClass().getSimpleName());
        }
        int status = response.getStatus();
        if (status == 429) {
            throw new CrmRateLimited(what + " of account " + account.account() + " answered 429");
        }
        for (int expected : ok) {
            if (status == expected) {
                String text = response.getEntity();
                return EventCodec.parse((text == null ? "{}" : text).getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new CrmReadFailed(what + " of account " + account.account() + " answered " + status);
    }

    private CrmReadApi api(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new CrmReadFailed("the CRM account has no baseUrl in the tenant registry");
        }
        return byBaseUrl.computeIfAbsent(baseUrl, url -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(config.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(CrmReadApi.class));
    }

    private static String bearer(CrmAccount account) {
        String token = account.credentials().get("accessToken");
        if (token == null || token.isBlank()) {
            throw new CrmReadFailed("account " + account.account() + " has no crm.credentials.accessToken");
        }
        return "Bearer " + token;
    }

    /** The asked-for values found among the records; text compared case-insensitively (as both CRMs compare them). */
    private static Set<String> values(JsonNode records, Function<JsonNode, String> value,
                                      List<String> asked) {
        Set<String> found = new HashSet<>();
        for (JsonNode record : records) {
            found.add(value.apply(record).toLowerCase(Locale.ROOT));
        }
        return asked.stream().filter(a -> found.contains(a.toLowerCase(Locale.ROOT))).collect(Collectors.toSet());
    }

    /** SOQL string literals: single quotes, backslash escapes. */
    static String literals(List<String> values) {
        return values.stream()
                .map(v -> "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(","));
    }
}
