package io.crmsync.reconciler.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RFC 8288 {@code Link} header as Shopify's cursor pagination writes it:
 * {@code <https://.../orders.json?limit=250&page_info=abc>; rel="next", <...>; rel="previous"}.
 */
public final class LinkHeader {

    /** One link-value: the target in angle brackets, then its parameters up to the next comma outside brackets. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^,;]*)*)");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {
    }

    /** The target of the link whose {@code rel} includes {@code relation}. */
    public static Optional<URI> target(String header, String relation) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher rel = REL.matcher(link.group(2));
            while (rel.find()) {
                String values = rel.group(1) != null ? rel.group(1) : rel.group(2);
                // rel may hold several space-separated relation types.
                if (Arrays.stream(values.trim().split("\\s+")).anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(relation))) {
                    return Optional.of(URI.create(link.group(1).trim()));
                }
            }
        }
        return Optional.empty();
    }

    /** Shopify's {@code page_info} cursor of the next page, if there is a next page. */
    public static Optional<String> nextPageInfo(String header) {
        return target(header, "next").flatMap(uri -> queryParameter(uri, "page_info"));
    }

    static Optional<String> queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name) && eq >= 0) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8))
                        .filter(v -> !v.isEmpty());
            }
        }
        return Optional.empty();
    }
}
