package io.crmsync.e2e;

import io.crmsync.bench.MachineInfo;
import io.crmsync.bench.fault.FaultReport;
import io.crmsync.bench.fault.FaultSuite;
import io.crmsync.bench.fault.FaultSuiteResult;
import io.crmsync.testkit.stack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short fault suite ({@code bench/run faults --short}) on a stack of its own: kill -9 of the
 * crm-writer and of the normalizer, a broker kill and restart, a PostgreSQL restart, a CRM outage,
 * duplicated and reordered deliveries under a steady load, each followed by the accounting; then
 * the security checks and the log scan.
 */
class FaultSuiteIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path RUN_DIR = ROOT.resolve("e2e/target/fault-stack");

    private static LocalStack stack;

    @BeforeAll
    static void up() throws IOException {
        stack = LocalStack.fresh(ROOT, RUN_DIR);
        stack.up(System.out);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.down(System.out);
        }
    }

    @Test
    void everyOrderIsAccountedForThroughEachFaultAndNothingLeaks() {
        FaultSuite.Options options = new FaultSuite.Options(true, 5, Duration.ofSeconds(12), Duration.ofSeconds(30));
        FaultSuiteResult result = new FaultSuite(stack, stack.tenantsFile(), options, System.out).run();
        System.out.println(FaultReport.render(result, MachineInfo.current()));

        assertThat(result.verdicts()).hasSize(7).allSatisfy(verdict -> assertThat(verdict).endsWith(": PASS"));
        assertThat(result.failedSecurityChecks()).isEmpty();
        assertThat(result.security()).hasSizeGreaterThan(40);
        assertThat(result.logLeaks()).isEmpty();
        assertThat(result.logLines()).isPositive();
    }
}
