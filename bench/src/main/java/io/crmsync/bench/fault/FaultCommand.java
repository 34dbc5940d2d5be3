package io.crmsync.bench.fault;

import io.crmsync.bench.MachineInfo;
import io.crmsync.testkit.stack.LocalStack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code bench/run faults [--short]}: the fault suite against the running local stack. Tables on
 * stdout, progress on stderr; exit 0 only when every scenario and check passed.
 */
public final class FaultCommand {

    private FaultCommand() {
    }

    public static int run(String[] argv, Path root) {
        FaultArgs args;
        try {
            args = FaultArgs.parse(argv, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(FaultArgs.USAGE);
            return 2;
        }
        LocalStack stack = new LocalStack(root, args.runDir());
        if (!stack.status(new PrintStream(OutputStream.nullOutputStream()))) {
            System.err.println("the local stack is not up (or not ready) for run folder " + args.runDir()
                    + ". Start it first: deploy/local/stack up (with a shorter reconciler poll, e.g."
                    + " CRMSYNC_RECONCILER_POLL_INTERVAL=10s deploy/local/stack up, and the same variable here with --poll-seconds 10)");
            return 1;
        }
        FaultSuiteResult result = new FaultSuite(stack, args.tenantsFile(), args.options(), System.err).run();
        System.out.print(FaultReport.render(result, MachineInfo.current()));
        return result.passed() ? 0 : 1;
    }
}
