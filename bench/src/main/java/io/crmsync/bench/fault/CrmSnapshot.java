package io.crmsync.bench.fault;

import io.crmsync.bench.StackHttp;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the CRM sandbox holds for one HubSpot account at one moment: deals by
 * {@code crmsync_order_ref} (a list, so a doubled deal shows) and contact counts by e-mail.
 */
record CrmSnapshot(Map<String, List<JsonNode>> dealsByRef, Map<String, Integer> contactsByEmail) {

    static CrmSnapshot read(StackHttp http, String sandboxUrl, String account) {
        StackHttp.Reply deals = http.get(sandboxUrl + "/_sandbox/hubspot/" + account + "/objects/deals", null);
        StackHttp.Reply contacts = http.get(sandboxUrl + "/_sandbox/hubspot/" + account + "/objects/contacts", null);
        if (deals.status() != 200 || contacts.status() != 200) {
            throw new IllegalStateException("the CRM sandbox did not answer: deals " + deals.status() + ", contacts " + contacts.status());
        }
        Map<String, List<JsonNode>> byRef = new HashMap<>();
        for (JsonNode deal : deals.json()) {
            String ref = deal.path("properties").path("crmsync_order_ref").asText("");
            byRef.computeIfAbsent(ref, r -> new ArrayList<>()).add(deal);
        }
        Map<String, Integer> byEmail = new HashMap<>();
        for (JsonNode contact : contacts.json()) {
            byEmail.merge(contact.path("properties").path("email").asText("").toLowerCase(), 1, Integer::sum);
        }
        return new CrmSnapshot(byRef, byEmail);
    }

    List<JsonNode> deals(String orderRef) {
        return dealsByRef.getOrDefault(orderRef, List.of());
    }

    int contacts(String email) {
        return contactsByEmail.getOrDefault(email, 0);
    }
}
