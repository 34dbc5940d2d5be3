package io.crmsync.sandbox.storefront.generator;

import java.math.BigDecimal;

/** A catalogue item (one variant), platform-neutral. */
public record SampleProduct(int key, String title, String variant, String sku, BigDecimal price, int grams) {
}
