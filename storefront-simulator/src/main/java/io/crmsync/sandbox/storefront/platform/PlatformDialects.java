package io.crmsync.sandbox.storefront.platform;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.sandbox.storefront.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/** The dialect of each simulated platform. */
@ApplicationScoped
public class PlatformDialects {

    private final Map<Platform, PlatformDialect> byPlatform = new EnumMap<>(Platform.class);

    public PlatformDialects(ShopifyDialect shopify, WooCommerceDialect woo, BigCommerceDialect bigCommerce,
                            AdobeCommerceDialect adobeCommerce) {
        byPlatform.put(Platform.SHOPIFY, shopify);
        byPlatform.put(Platform.WOOCOMMERCE, woo);
        byPlatform.put(Platform.BIGCOMMERCE, bigCommerce);
        byPlatform.put(Platform.ADOBE_COMMERCE, adobeCommerce);
    }

    public PlatformDialect of(Platform platform) {
        PlatformDialect dialect = byPlatform.get(platform);
        if (dialect == null) {
            throw new InvalidRequestException("the simulator does not simulate " + platform.wire() + " stores");
        }
        return dialect;
    }
}
