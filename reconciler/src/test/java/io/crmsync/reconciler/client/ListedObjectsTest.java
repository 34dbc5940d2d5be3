package io.crmsync.reconciler.client;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;
import io.crmsync.contract.EventCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The platforms' date formats and WooCommerce's exclusive {@code modified_after} bound. */
class ListedObjectsTest {

    private static final Store STORE = new Store("acme-woo", Platform.WOOCOMMERCE, "secret", null, "http://127.0.0.1:9", Map.of());

    @Test
    void modifiedAfterIsOneWholeSecondBeforeSinceSoTheExclusiveBoundKeepsSince() {
        assertThat(WooCommerceSourcePoller.modifiedAfter(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2025-12-31T23:59:59");
        assertThat(WooCommerceSourcePoller.modifiedAfter(Instant.parse("2026-03-01T10:00:05.750Z"))).isEqualTo("2026-03-01T10:00:04");
    }

    @Test
    void eachPlatformsDatesAreRead() {
        assertThat(ListedObjects.WOO_GMT.apply("2026-11-22T15:28:05")).contains(Instant.parse("2026-11-22T15:28:05Z"));
        assertThat(ListedObjects.RFC_2822.apply("Sun, 22 Nov 2026 15:28:05 +0000")).contains(Instant.parse("2026-11-22T15:28:05Z"));
        assertThat(ListedObjects.ISO_OFFSET.apply("2026-03-01T09:16:02+01:00")).contains(Instant.parse("2026-03-01T08:16:02Z"));
        assertThat(ListedObjects.RFC_2822.apply("")).isEmpty();
        assertThat(ListedObjects.WOO_GMT.apply("yesterday")).isEmpty();
    }

    @Test
    void itemsWithoutAnIdOrAReadableModifiedTimeAreLeftOut() {
        var items = EventCodec.parse("""
                [{"id": 7, "date_modified_gmt": "2026-02-01T10:00:00", "date_created_gmt": "2025-11-20T09:00:00"},
                 {"id": 8, "date_modified_gmt": ""},
                 {"date_modified_gmt": "2026-02-01T10:00:00"}]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(ListedObjects.read(STORE, items, "order", "order.updated", "date_modified_gmt", "date_created_gmt",
                ListedObjects.WOO_GMT)).singleElement().satisfies(o -> {
                    assertThat(o.objectId()).isEqualTo("7");
                    assertThat(o.topic()).isEqualTo("order.updated");
                    assertThat(o.updatedAtRaw()).isEqualTo("2026-02-01T10:00:00");
                    assertThat(o.createdAt()).isEqualTo(Instant.parse("2025-11-20T09:00:00Z"));
                });
    }
}
