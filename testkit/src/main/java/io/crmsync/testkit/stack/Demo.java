package io.crmsync.testkit.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends a realistic burst of signed webhooks from the storefront simulator and prints what
 * reached the CRM sandbox.
 */
final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORDERS_PER_STORE = 10;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String simulator = LocalStack.url("storefront-simulator");
    private final String sandbox = LocalStack.url("crm-sandbox");

    boolean run(PrintStream out) {
        out.println();
        out.printf("sending %d orders with their customers from acme-shopify, signed as Shopify signs%n", ORDERS_PER_STORE);
        int before = count("acme", "deals");
        HttpResponse<String> generated = post(simulator + "/_sim/stores/acme-shopify/generate",
                "{\"orders\": " + ORDERS_PER_STORE + ", \"seed\": " + System.currentTimeMillis() % 100_000 + "}");
        if (generated.statusCode() / 100 != 2) {
            out.println("the simulator refused: HTTP " + generated.statusCode() + " " + generated.body());
            return false;
        }
        int expected = before + ORDERS_PER_STORE;
        Instant until = Instant.now().plusSeconds(90);
        while (count("acme", "deals") < expected && Instant.now().isBefore(until)) {
            sleep();
        }
        int deals = count("acme", "deals");
        out.printf("%nCRM sandbox, HubSpot account acme: %d deals, %d contacts%n", deals, count("acme", "contacts"));
        printDeals(out);
        printContacts(out);
        out.println();
        out.println("request counts and automations: " + get(sandbox + "/_sandbox/stats").body());
        if (deals < expected) {
            out.printf("only %d of %d deals arrived within 90 s; see deploy/local/.run/logs%n", deals - before, ORDERS_PER_STORE);
            return false;
        }
        return true;
    }

    private void printDeals(PrintStream out) {
        JsonNode deals = parse(get(sandbox + "/_sandbox/hubspot/acme/objects/deals").body());
        out.printf("  %-28s %-14s %-12s %s%n", "crmsync_order_ref", "amount", "stage", "contacts");
        for (JsonNode deal : deals) {
            JsonNode p = deal.path("properties");
            out.printf("  %-28s %-14s %-12s %s%n", p.path("crmsync_order_ref").asText(),
                    p.path("amount").asText() + " " + p.path("deal_currency_code").asText(),
                    p.path("dealstage").asText(), deal.path("associations").path("contacts"));
        }
    }

    private void printContacts(PrintStream out) {
        JsonNode contacts = parse(get(sandbox + "/_sandbox/hubspot/acme/objects/contacts").body());
        out.printf("%n  %-36s %-26s %s%n", "email (lower-cased)", "name", "phone (E.164)");
        for (JsonNode contact : contacts) {
            JsonNode p = contact.path("properties");
            out.printf("  %-36s %-26s %s%n", p.path("email").asText(),
                    p.path("firstname").asText() + " " + p.path("lastname").asText(), p.path("phone").asText());
        }
    }

    private int count(String account, String objectType) {
        HttpResponse<String> response = get(sandbox + "/_sandbox/hubspot/" + account + "/objects/" + objectType);
        return response.statusCode() == 200 ? parse(response.body()).size() : 0;
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
