package io.crmsync.bench.fault;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultArgsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsAreTheFullSuiteAgainstTheLocalStack() {
        FaultArgs args = FaultArgs.parse(new String[0], ROOT);

        assertThat(args.options()).isEqualTo(new FaultSuite.Options(false, 5, Duration.ofSeconds(12), Duration.ofSeconds(30)));
        assertThat(args.runDir()).isEqualTo(Path.of("/repo/deploy/local/.run"));
        assertThat(args.tenantsFile()).isEqualTo(Path.of("/repo/deploy/local/tenants.yaml"));
    }

    @Test
    void optionsAreRead() {
        FaultArgs args = FaultArgs.parse(new String[]{"--short", "--rate", "8", "--seconds", "20", "--poll-seconds", "10"}, ROOT);

        assertThat(args.options()).isEqualTo(new FaultSuite.Options(true, 8, Duration.ofSeconds(20), Duration.ofSeconds(10)));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> FaultArgs.parse(new String[]{"--rate", "0"}, ROOT)).hasMessageContaining("--rate");
        assertThatThrownBy(() -> FaultArgs.parse(new String[]{"--seconds", "5"}, ROOT)).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> FaultArgs.parse(new String[]{"--what", "1"}, ROOT)).hasMessageContaining("unknown option");
    }
}
