package io.crmsync.sourceapi;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifyCallLimitTest {

    @Test
    void parsesUsedAndSize() {
        assertThat(ShopifyCallLimit.parse("32/40")).contains(new ShopifyCallLimit(32, 40));
        assertThat(ShopifyCallLimit.parse(" 1 / 80 ")).contains(new ShopifyCallLimit(1, 80));
    }

    @Test
    void ignoresWhatIsNotACallLimit() {
        assertThat(ShopifyCallLimit.parse(null)).isEmpty();
        assertThat(ShopifyCallLimit.parse("forty")).isEmpty();
        assertThat(ShopifyCallLimit.parse("3/0")).isEmpty();
    }

    @Test
    void noPauseWhileHeadroomIsLeft() {
        assertThat(new ShopifyCallLimit(35, 40).pauseToKeep(4, 2)).isZero();
    }

    @Test
    void pausesLongEnoughForTheBucketToLeakTheExcess() {
        // 37 used of 40 with 4 kept free: 2 calls must leak out at 2 per second.
        assertThat(new ShopifyCallLimit(37, 40).pauseToKeep(4, 2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(new ShopifyCallLimit(40, 40).pauseToKeep(4, 2)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void aBucketSmallerThanTheHeadroomStillAllowsTheNextCallOnceOneHasLeaked() {
        assertThat(new ShopifyCallLimit(1, 2).pauseToKeep(4, 2)).isEqualTo(Duration.ofMillis(500));
        assertThat(new ShopifyCallLimit(0, 2).pauseToKeep(4, 2)).isZero();
        assertThat(new ShopifyCallLimit(1, 1).pauseToKeep(4, 2)).isEqualTo(Duration.ofMillis(500));
    }
}
