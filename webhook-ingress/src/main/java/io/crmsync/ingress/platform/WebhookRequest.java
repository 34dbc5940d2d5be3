package io.crmsync.ingress.platform;

/**
 * One delivery as it reached {@code POST /webhooks/{platform}/{storeId}}: the path's words, the
 * headers and the raw body bytes (signatures are computed over these exact bytes).
 */
public record WebhookRequest(String platform, String storeId, WebhookHeaders headers, byte[] body) {

    public WebhookRequest {
        body = body == null ? new byte[0] : body;
    }
}
