package io.crmsync.ingress.rest;

import io.crmsync.ingress.config.IngressConfig;
import io.crmsync.ingress.service.DeliverySource;
import io.crmsync.ingress.service.DeliverySources;
import io.crmsync.ingress.service.Rejection;
import io.crmsync.ingress.service.WebhookMetrics;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a webhook whose declared {@code Content-Length} is over the limit before a byte of it is
 * read, with the contract's JSON error and the rejection counted. It runs just ahead of Quarkus'
 * own check of {@code quarkus.http.limits.max-body-size} (same value), which still stops chunked
 * bodies that grow past the limit while they are read.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Quarkus registers its body-size check at order -2. */
    private static final int ORDER = -3;

    private final long maxBodyBytes;
    private final DeliverySources sources;
    private final WebhookMetrics metrics;

    public BodyLimitFilter(IngressConfig config, DeliverySources sources, WebhookMetrics metrics) {
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.sources = sources;
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        router.post("/webhooks/:platform/:storeId").order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (declaredLength(context) <= maxBodyBytes) {
            context.next();
            return;
        }
        DeliverySource source = sources.resolve(context.pathParam("platform"), context.pathParam("storeId"));
        metrics.received(source.tenant(), source.platform());
        metrics.rejected(source.tenant(), source.platform(), Rejection.PAYLOAD_TOO_LARGE);
        HttpServerResponse response = context.response()
                .setStatusCode(Rejection.PAYLOAD_TOO_LARGE.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                // The unread body is still on the wire: the connection cannot be reused, and is
                // closed rather than left waiting for a body nobody will read.
                .putHeader(HttpHeaders.CONNECTION, "close");
        response.endHandler(ignored -> context.request().connection().close());
        response.end(Json.encode(new ErrorBody(Rejection.PAYLOAD_TOO_LARGE.reason())));
    }

    private static long declaredLength(RoutingContext context) {
        String value = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            // Vert.x rejects a malformed Content-Length itself; nothing to decide here.
            return -1;
        }
    }
}
