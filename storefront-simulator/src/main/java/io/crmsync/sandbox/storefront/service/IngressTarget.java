package io.crmsync.sandbox.storefront.service;

import io.crmsync.sandbox.storefront.InvalidRequestException;
import io.crmsync.sandbox.storefront.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where webhooks go: {@code crmsync.simulator.ingress-url} at start, re-pointable at run time
 * ({@code PUT /_sim/ingress}) because a test's webhook-ingress gets its port only after the
 * simulator is already running.
 */
@ApplicationScoped
public class IngressTarget {

    private final AtomicReference<String> baseUrl;

    public IngressTarget(SimulatorConfig config) {
        this.baseUrl = new AtomicReference<>(validated(config.ingressUrl()));
    }

    public String baseUrl() {
        return baseUrl.get();
    }

    public void set(String url) {
        baseUrl.set(validated(url));
    }

    public URI webhookUri(String platform, String storeId) {
        return URI.create(baseUrl.get() + "/webhooks/" + platform + "/" + storeId);
    }

    private static String validated(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new InvalidRequestException("ingress url must be an http(s) URL");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
