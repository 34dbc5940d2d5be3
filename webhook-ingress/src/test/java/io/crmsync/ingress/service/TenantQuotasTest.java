package io.crmsync.ingress.service;

import io.crmsync.ingress.config.IngressConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantQuotasTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(0);

    @Test
    void aBurstIsAdmittedThenTheRateRefillsIt() {
        TenantQuotas quotas = new TenantQuotas(quota(2, 3, Map.of()), now::get);

        assertThat(quotas.tryAcquire("acme")).isZero();
        assertThat(quotas.tryAcquire("acme")).isZero();
        assertThat(quotas.tryAcquire("acme")).isZero();
        assertThat(quotas.tryAcquire("acme")).isEqualTo(1);

        now.addAndGet(SECOND / 2);
        assertThat(quotas.tryAcquire("acme")).isZero();
        assertThat(quotas.tryAcquire("acme")).isEqualTo(1);
    }

    @Test
    void retryAfterIsWholeSecondsUntilTheNextToken() {
        TenantQuotas quotas = new TenantQuotas(quota(0.1, 1, Map.of()), now::get);

        assertThat(quotas.tryAcquire("acme")).isZero();
        assertThat(quotas.tryAcquire("acme")).isEqualTo(10);
        now.addAndGet(SECOND * 9 + SECOND / 2);
        assertThat(quotas.tryAcquire("acme")).isEqualTo(1);
        now.addAndGet(SECOND);
        assertThat(quotas.tryAcquire("acme")).isZero();
    }

    @Test
    void tenantsHaveTheirOwnBucketsAndOverrides() {
        TenantQuotas quotas = new TenantQuotas(quota(1, 1, Map.of("globex", override(1, 5))), now::get);

        assertThat(quotas.tryAcquire("acme")).isZero();
        assertThat(quotas.tryAcquire("acme")).isPositive();
        for (int i = 0; i < 5; i++) {
            assertThat(quotas.tryAcquire("globex")).isZero();
        }
        assertThat(quotas.tryAcquire("globex")).isPositive();
    }

    @Test
    void aQuotaThatCouldNeverAdmitIsRefusedAtStartup() {
        assertThatThrownBy(() -> new TenantQuotas(quota(0, 10, Map.of()), now::get)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TenantQuotas(quota(1, 1, Map.of("acme", override(1, 0.5))), now::get))
                .isInstanceOf(IllegalStateException.class);
    }

    private static IngressConfig.Quota quota(double rate, double burst, Map<String, IngressConfig.TenantQuota> tenants) {
        return new IngressConfig.Quota() {
            @Override
            public double rate() {
                return rate;
            }

            @Override
            public double burst() {
                return burst;
            }

            @Override
            public Map<String, IngressConfig.TenantQuota> tenants() {
                return tenants;
            }
        };
    }

    private static IngressConfig.TenantQuota override(double rate, double burst) {
        return new IngressConfig.TenantQuota() {
            @Override
            public OptionalDouble rate() {
                return OptionalDouble.of(rate);
            }

            @Override
            public OptionalDouble burst() {
                return OptionalDouble.of(burst);
            }
        };
    }
}
