package io.crmsync.bench.fault;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line of {@code bench/run faults}.
 *
 * @param runDir      the local stack's run folder (pid files, logs): the suite kills and restarts its processes
 * @param tenantsFile the tenant registry the stack runs with
 */
record FaultArgs(FaultSuite.Options options, Path runDir, Path tenantsFile) {

    static final String USAGE = """
            usage: bench/run faults [--short] [--rate 5] [--seconds 12] [--poll-seconds 30]
                                    [--run-dir deploy/local/.run] [--tenants deploy/local/tenants.yaml]
            """;

    static FaultArgs parse(String[] argv, Path root) {
        boolean shortForm = false;
        double rate = 5;
        int seconds = 12;
        int pollSeconds = 30;
        Path runDir = root.resolve("deploy/local/.run");
        Path tenants = root.resolve("deploy/local/tenants.yaml");
        for (int i = 0; i < argv.length; i++) {
            String option = argv[i];
            if (option.equals("--short")) {
                shortForm = true;
                continue;
            }
            if (i + 1 >= argv.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + option);
            }
            String value = argv[++i];
            switch (option) {
                case "--rate" -> rate = positive(option, Double.parseDouble(value));
                case "--seconds" -> seconds = (int) positive(option, Integer.parseInt(value));
                case "--poll-seconds" -> pollSeconds = (int) positive(option, Integer.parseInt(value));
                case "--run-dir" -> runDir = root.resolve(value);
                case "--tenants" -> tenants = root.resolve(value);
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if (seconds < 8) {
            throw new IllegalArgumentException("--seconds must be at least 8 (the fault goes in after 3 s)");
        }
        return new FaultArgs(new FaultSuite.Options(shortForm, rate, Duration.ofSeconds(seconds), Duration.ofSeconds(pollSeconds)),
                runDir, tenants);
    }

    private static double positive(String option, double value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return value;
    }
}
