package io.crmsync.bench.fault;

import io.crmsync.bench.StackHttp;
import io.crmsync.bench.ShopifyOrderWebhooks;
import io.crmsync.testkit.stack.LocalStack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Cross-tenant posting and the admin APIs' access rules, checked against the running stack:
 * a webhook signed with acme-shopify's secret posted to another tenant's or store's URL is 401;
 * every admin endpoint of the dedup-service, the crm-writer and the reconciler (as their READMEs
 * list them) is 401 without a token and 403 with a role it does not accept.
 */
final class SecurityChecks {

    private static final String OPERATOR = "operator";
    private static final String VIEWER = "viewer";
    private static final String UNKNOWN_ROLE = "crmsync-guest";

    /** One admin endpoint and the least role it needs. */
    record Endpoint(String service, String method, String path, String body, String needs) {
    }

    static final List<Endpoint> ADMIN_ENDPOINTS = List.of(
            new Endpoint("crm-writer", "GET", "/admin/tenants", null, VIEWER),
            new Endpoint("crm-writer", "GET", "/admin/tenants/acme", null, VIEWER),
            new Endpoint("crm-writer", "POST", "/admin/tenants/acme/pause", "{}", OPERATOR),
            new Endpoint("crm-writer", "POST", "/admin/tenants/acme/resume", "{}", OPERATOR),
            new Endpoint("crm-writer", "GET", "/admin/audit?tenant=acme", null, VIEWER),
            new Endpoint("crm-writer", "GET", "/admin/dead-letters?tenant=acme", null, VIEWER),
            new Endpoint("crm-writer", "POST", "/admin/dead-letters/replay",
                    "{\"tenant\":\"acme\",\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-02T00:00:00Z\"}", OPERATOR),
            new Endpoint("reconciler", "GET", "/admin/cursors", null, VIEWER),
            new Endpoint("reconciler", "POST", "/admin/poll", "{}", OPERATOR),
            new Endpoint("reconciler", "POST", "/admin/backfills",
                    "{\"tenant\":\"acme\",\"storeId\":\"acme-shopify\",\"since\":\"2025-01-01\"}", OPERATOR),
            new Endpoint("reconciler", "GET", "/admin/backfills?tenant=acme", null, VIEWER),
            new Endpoint("reconciler", "GET", "/admin/backfills/" + UUID.randomUUID(), null, VIEWER),
            new Endpoint("reconciler", "POST", "/admin/backfills/" + UUID.randomUUID() + "/resume", "{}", OPERATOR),
            new Endpoint("reconciler", "POST", "/admin/replays",
                    "{\"tenant\":\"acme\",\"storeId\":\"acme-shopify\",\"objectType\":\"order\",\"objectId\":\"1\"}", OPERATOR),
            new Endpoint("reconciler", "GET", "/admin/mismatches?tenant=acme", null, VIEWER),
            new Endpoint("dedup-service", "GET", "/admin/merges?tenant=acme", null, VIEWER),
            new Endpoint("dedup-service", "POST", "/admin/merges/1/undo?tenant=acme", "{}", OPERATOR),
            new Endpoint("dedup-service", "GET", "/admin/review?tenant=acme", null, VIEWER),
            new Endpoint("dedup-service", "POST", "/admin/review/1/resolve?tenant=acme", "{\"decision\":\"reject\"}", OPERATOR));

    private final LocalStack stack;
    private final StackHttp http;

    SecurityChecks(LocalStack stack, StackHttp http) {
        this.stack = stack;
        this.http = http;
    }

    List<SecurityCheck> run(String acmeShopifySecret) {
        List<SecurityCheck> checks = new ArrayList<>(crossTenant(acmeShopifySecret));
        String viewer = stack.token("crmsync-viewer");
        String stranger = stack.token(UNKNOWN_ROLE);
        for (Endpoint e : ADMIN_ENDPOINTS) {
            String name = e.service() + " " + e.method() + " " + e.path().replaceAll("[0-9a-f-]{36}", "{id}");
            checks.add(new SecurityCheck(name + " without a token", "401", status(call(e, null))));
            checks.add(new SecurityCheck(name + " as " + UNKNOWN_ROLE, "403", status(call(e, stranger))));
            if (e.needs().equals(OPERATOR)) {
                checks.add(new SecurityCheck(name + " as crmsync-viewer", "403", status(call(e, viewer))));
            }
        }
        return checks;
    }

    private List<SecurityCheck> crossTenant(String acmeShopifySecret) {
        ShopifyOrderWebhooks acmeSigner = new ShopifyOrderWebhooks("acme-shopify", acmeShopifySecret, 0);
        String ingress = LocalStack.url("webhook-ingress");
        byte[] body = "{\"id\":424242,\"status\":\"processing\",\"billing\":{\"email\":\"cross.tenant@example.com\"}}"
                .getBytes(StandardCharsets.UTF_8);
        StackHttp.Reply woo = http.post(ingress + "/webhooks/woocommerce/acme-woo", body,
                "Content-Type", "application/json", "X-WC-Webhook-Topic", "order.created", "X-WC-Webhook-Resource", "order",
                "X-WC-Webhook-Event", "created", "X-WC-Webhook-Signature", acmeSigner.sign(body),
                "X-WC-Webhook-Source", "http://acme-woo.example/");
        String id = "msg_" + UUID.randomUUID();
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        byte[] thin = "{\"scope\":\"store/order/created\",\"store_id\":\"1\",\"data\":{\"type\":\"order\",\"id\":424242}}"
                .getBytes(StandardCharsets.UTF_8);
        String signed = id + "." + timestamp + "." + new String(thin, StandardCharsets.UTF_8);
        StackHttp.Reply bigCommerce = http.post(ingress + "/webhooks/bigcommerce/globex-bc", thin,
                "Content-Type", "application/json", "webhook-id", id, "webhook-timestamp", timestamp,
                "webhook-signature", "v1," + acmeSigner.sign(signed.getBytes(StandardCharsets.UTF_8)));
        return List.of(
                new SecurityCheck("acme-shopify's secret on acme-woo's URL", "401", status(woo)),
                new SecurityCheck("acme-shopify's secret on globex-bc's URL (another tenant)", "401", status(bigCommerce)));
    }

    private StackHttp.Reply call(Endpoint e, String token) {
        String url = LocalStack.url(e.service()) + e.path();
        return e.method().equals("GET") ? http.get(url, token) : http.post(url, e.body(), token);
    }

    private static String status(StackHttp.Reply reply) {
        return Integer.toString(reply.status());
    }
}
