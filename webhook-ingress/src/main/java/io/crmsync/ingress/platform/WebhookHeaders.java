package io.crmsync.ingress.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The request headers of one delivery, looked up case-insensitively (HTTP/2 lower-cases every
 * name, and platforms are not consistent in their casing).
 */
public final class WebhookHeaders {

    private final Map<String, String> values;

    private WebhookHeaders(Map<String, String> values) {
        this.values = values;
    }

    /** Keeps the first value of each header; none of the headers we read may repeat. */
    public static WebhookHeaders of(Map<String, ? extends List<String>> headers) {
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, list) -> {
            if (list != null && !list.isEmpty() && list.get(0) != null) {
                values.putIfAbsent(name, list.get(0));
            }
        });
        return new WebhookHeaders(values);
    }

    public static WebhookHeaders ofSingle(Map<String, String> headers) {
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(headers);
        return new WebhookHeaders(values);
    }

    /** The trimmed value of the first of {@code names} that is present and not blank. */
    public Optional<String> first(String... names) {
        for (String name : names) {
            String value = values.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }
}
