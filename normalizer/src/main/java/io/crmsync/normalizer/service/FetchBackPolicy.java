package io.crmsync.normalizer.service;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.contract.webhook.WebhookReceived;
import io.crmsync.normalizer.config.NormalizerConfig;
import io.crmsync.sourceapi.SourceObjectReader;
import io.crmsync.sourceapi.SourceObjects;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which records are mapped from the object read back from the store's admin API:
 * <ul>
 *   <li>BigCommerce: every record except {@code …/deleted} scopes (its webhooks carry only the
 *       type and id; a deleted object cannot be read, so its thin payload goes on to the mapper,
 *       which dead-letters it visibly);</li>
 *   <li>Shopify and WooCommerce: the topics listed in {@code crmsync.normalizer.fetch-back.<platform>.topics}
 *       (none by default: their webhooks carry the full object);</li>
 *   <li>Adobe Commerce: never (no reader; its events carry the full entity).</li>
 * </ul>
 * Checked at startup: topics configured for a platform without a reader, or topics naming an
 * object its reader cannot read, stop the service with a message naming the key.
 */
@Startup
@ApplicationScoped
public class FetchBackPolicy {

    private final Map<Platform, Set<String>> topics;

    public FetchBackPolicy(NormalizerConfig config, SourceObjects sources) {
        NormalizerConfig.FetchBack fetchBack = config.fetchBack();
        this.topics = Map.of(
                Platform.SHOPIFY, topics(fetchBack.shopify()),
                Platform.WOOCOMMERCE, topics(fetchBack.woocommerce()),
                Platform.ADOBE_COMMERCE, topics(fetchBack.adobeCommerce()));
        this.topics.forEach((platform, names) -> validate(platform, names, sources.reader(platform)));
    }

    public boolean shouldFetch(WebhookReceived event) {
        Optional<Platform> platform = Platform.find(event.platform());
        if (platform.isEmpty()) {
            return false;
        }
        if (platform.get() == Platform.BIGCOMMERCE) {
            return !event.topic().endsWith("/deleted");
        }
        return topics.get(platform.get()).contains(event.topic());
    }

    private static Set<String> topics(NormalizerConfig.PlatformTopics platform) {
        return platform.topics().map(Set::copyOf).orElse(Set.of());
    }

    private static void validate(Platform platform, Set<String> names, Optional<SourceObjectReader> reader) {
        if (names.isEmpty()) {
            return;
        }
        String key = "crmsync.normalizer.fetch-back." + platform.wire() + ".topics";
        if (reader.isEmpty()) {
            throw new IllegalStateException(key + " lists topics, but " + platform.wire()
                    + " has no admin API reader (its events carry the full entity): remove the key");
        }
        for (String topic : names) {
            String objectType = objectType(platform, topic);
            if (!reader.get().objectTypes().contains(objectType)) {
                throw new IllegalStateException(key + " lists " + topic + ", whose object (" + objectType
                        + ") fetch-back cannot read; readable: " + reader.get().objectTypes());
            }
        }
    }

    /** Shopify {@code orders/updated} → order; WooCommerce {@code order.updated} → order. */
    static String objectType(Platform platform, String topic) {
        if (platform == Platform.SHOPIFY) {
            String resource = topic.contains("/") ? topic.substring(0, topic.indexOf('/')) : topic;
            return resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource;
        }
        return topic.contains(".") ? topic.substring(0, topic.indexOf('.')) : topic;
    }
}
