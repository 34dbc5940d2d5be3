package io.crmsync.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchArgsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsMatchTheDocumentedCommand() {
        BenchArgs args = BenchArgs.parse(new String[]{"ingress"}, ROOT);

        assertThat(args.rates()).containsExactly(50, 100, 200);
        assertThat(args.seconds()).isEqualTo(15);
        assertThat(args.size()).isEqualTo(2048);
        assertThat(args.warmup()).isEqualTo(3);
        assertThat(args.ingressUrl()).isEqualTo("http://localhost:8080");
        assertThat(args.bootstrap()).isEqualTo("localhost:19092");
        assertThat(args.tenantsFile()).isEqualTo(Path.of("/repo/deploy/local/tenants.yaml"));
        assertThat(args.storeId()).isEqualTo("acme-shopify");
    }

    @Test
    void optionsOverrideTheDefaults() {
        BenchArgs args = BenchArgs.parse(new String[]{"ingress", "--rates", "10, 20,,40", "--seconds", "5",
                "--size", "4096", "--warmup", "0", "--ingress-url", "http://host:9/", "--tenants", "/etc/t.yaml"}, ROOT);

        assertThat(args.rates()).isEqualTo(List.of(10, 20, 40));
        assertThat(args.seconds()).isEqualTo(5);
        assertThat(args.size()).isEqualTo(4096);
        assertThat(args.warmup()).isZero();
        assertThat(args.ingressUrl()).isEqualTo("http://host:9");
        assertThat(args.tenantsFile()).isEqualTo(Path.of("/etc/t.yaml"));
    }

    @Test
    void theOtherBenchmarksHaveTheirOwnOptionsAndWriteResolvesAgainstTheRoot() {
        BenchArgs defaults = BenchArgs.parse(new String[]{"all"}, ROOT);
        assertThat(defaults.e2eRates()).containsExactly(5, 10, 20, 40, 80);
        assertThat(defaults.write()).isEmpty();

        BenchArgs args = BenchArgs.parse(new String[]{"crm", "--limit", "20/5", "--backlog", "300", "--load-rate", "15",
                "--e2e-rates", "2,4", "--backfill-orders", "50", "--write", "BENCHMARKS.md"}, ROOT);
        assertThat(args.limitRequests()).isEqualTo(20);
        assertThat(args.limitSeconds()).isEqualTo(5);
        assertThat(args.backlog()).isEqualTo(300);
        assertThat(args.loadRate()).isEqualTo(15);
        assertThat(args.e2eRates()).containsExactly(2, 4);
        assertThat(args.backfillOrders()).isEqualTo(50);
        assertThat(args.write()).contains(Path.of("/repo/BENCHMARKS.md"));
        assertThatThrownBy(() -> BenchArgs.parse(new String[]{"crm", "--limit", "10"}, ROOT)).hasMessageContaining("requests/seconds");
    }

    @Test
    void rejectsWhatCannotBeRun() {
        assertThatThrownBy(() -> BenchArgs.parse(new String[]{}, ROOT)).hasMessageContaining("which benchmark");
        assertThatThrownBy(() -> BenchArgs.parse(new String[]{"egress"}, ROOT)).hasMessageContaining("unknown benchmark");
        assertThatThrownBy(() -> BenchArgs.parse(new String[]{"ingress", "--rates", "0,10"}, ROOT)).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchArgs.parse(new String[]{"ingress", "--seconds", "ten"}, ROOT)).hasMessageContaining("integer");
        assertThatThrownBy(() -> BenchArgs.parse(new String[]{"ingress", "--seconds"}, ROOT)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchArgs.parse(new String[]{"ingress", "--speed", "1"}, ROOT)).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> BenchArgs.parse(new String[]{"ingress", "--warmup", "-1"}, ROOT)).hasMessageContaining(">= 0");
    }
}
