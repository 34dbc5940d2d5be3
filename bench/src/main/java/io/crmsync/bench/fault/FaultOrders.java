package io.crmsync.bench.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The suite's Shopify orders, seeded through the storefront simulator (which stamps their times
 * and sends their webhooks). Unlike the ingress benchmark's padded bodies, each buyer has an
 * e-mail and a phone of its own, so the accounting can count contacts and the log scan knows
 * what must never appear unmasked. Ten buyers per scenario, so repeat buyers are exercised.
 */
final class FaultOrders {

    static final int BUYERS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long runId;

    FaultOrders(long runId) {
        this.runId = runId;
    }

    /** Order ids never repeat across runs or scenarios: 9e9 + run × 10^4 + scenario × 10^3 + n. */
    long orderId(int scenario, int n) {
        return 9_000_000_000L + runId % 1_000_000 * 10_000 + scenario * 1_000L + n;
    }

    String email(int scenario, int n) {
        return "fault." + runId + "." + scenario + "." + n % BUYERS + "@example.com";
    }

    /** A valid German mobile number in E.164, one per buyer. */
    String phone(int scenario, int n) {
        return "+49151" + String.format("%08d", (runId % 1000) * 10_000 + scenario * 100L + n % BUYERS);
    }

    /** The order as Shopify's REST resource; {@code paid} with a higher total is the later state. */
    String order(int scenario, int n, boolean paid) {
        long id = orderId(scenario, n);
        ObjectNode order = JSON.createObjectNode();
        order.put("id", id);
        order.put("name", "#F" + id);
        order.put("email", email(scenario, n));
        order.put("currency", "EUR");
        order.put("financial_status", paid ? "paid" : "pending");
        order.put("total_price", total(n, paid));
        order.put("subtotal_price", total(n, paid));
        order.put("tags", "fault-suite");
        ObjectNode customer = order.putObject("customer");
        customer.put("id", 8_000_000_000L + runId % 1_000_000 * 100 + scenario * 10L + n % BUYERS);
        customer.put("email", email(scenario, n));
        customer.put("first_name", "Fault");
        customer.put("last_name", "Buyer" + n % BUYERS);
        customer.put("phone", phone(scenario, n));
        ObjectNode item = order.putArray("line_items").addObject();
        item.put("id", id * 10);
        item.put("product_id", 632_910_392L);
        item.put("sku", "FAULT-1");
        item.put("title", "Fault suite item");
        item.put("quantity", 1);
        item.put("price", total(n, paid));
        return order.toString();
    }

    /** The amount the CRM must end with: the paid state's. */
    static String total(int n, boolean paid) {
        return (paid ? 20 + n % 50 : 10 + n % 50) + ".00";
    }
}
