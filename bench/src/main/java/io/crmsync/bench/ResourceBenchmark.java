package io.crmsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Resources: CPU and resident memory of every process of the local stack at idle and while the
 * pipeline carries a steady load, and each service's startup time from its log.
 */
public final class ResourceBenchmark {

    static final int IDLE_SECONDS = 15;
    static final int LOAD_SECONDS = 30;

    private final BenchArgs args;
    private final Map<String, ProcessHandle> processes;
    private final Path logDir;
    private final OrderSyncRun orders;
    private final CrmSandboxClient crm;
    private final String account;

    public ResourceBenchmark(BenchArgs args, Map<String, ProcessHandle> processes, Path logDir, OrderSyncRun orders,
                             CrmSandboxClient crm, String account) {
        this.args = args;
        this.processes = new LinkedHashMap<>(processes);
        this.processes.put("bench (load generator)", ProcessHandle.current());
        this.logDir = logDir;
        this.orders = orders;
        this.crm = crm;
        this.account = account;
    }

    public BenchReport run() throws InterruptedException {
        crm.awaitQuiet(account, Duration.ofSeconds(5), Duration.ofMinutes(5));
        Progress.say("resources: idle for %d s", IDLE_SECONDS);
        Map<String, ProcStat.Sample> idleStart = sampleAll();
        long idleFrom = System.nanoTime();
        Thread.sleep(IDLE_SECONDS * 1000L);
        Map<String, ProcStat.Sample> idleEnd = sampleAll();
        double idleSeconds = (System.nanoTime() - idleFrom) / 1e9;

        Progress.say("resources: %d orders/s for %d s, until every deal is written", args.loadRate(), LOAD_SECONDS);
        Map<String, ProcStat.Sample> loadStart = sampleAll();
        long loadFrom = System.nanoTime();
        SyncResult load = orders.run(args.loadRate(), LOAD_SECONDS, EndToEndBenchmark.PATIENCE);
        Map<String, ProcStat.Sample> loadEnd = sampleAll();
        double loadSeconds = (System.nanoTime() - loadFrom) / 1e9;

        List<List<String>> rows = new ArrayList<>();
        for (String name : processes.keySet()) {
            ProcStat.Sample i0 = idleStart.get(name);
            ProcStat.Sample i1 = idleEnd.get(name);
            ProcStat.Sample l0 = loadStart.get(name);
            ProcStat.Sample l1 = loadEnd.get(name);
            OptionalDouble started = ProcStat.quarkusStartSeconds(logDir.resolve(name + ".log"));
            rows.add(List.of(name, cpuPercent(i0, i1, idleSeconds), mb(i1.rssKb()), cpuPercent(l0, l1, loadSeconds),
                    mb(l1.rssKb()), mb(l1.peakKb()), started.isPresent() ? ResultTable.decimal(started.getAsDouble(), 1) : "-"));
        }
        String table = String.format("load: %d orders/s for %d s, %d of %d synced, %.0f s until the last deal was written%n",
                load.rate(), LOAD_SECONDS, load.synced(), load.sent(), loadSeconds)
                + ResultTable.columns(List.of("process", "idle CPU %", "idle RSS MB", "load CPU %", "load RSS MB",
                "peak RSS MB", "startup s"), rows);
        return new BenchReport("Resources", "bench/run resources --load-rate " + args.loadRate(), table, """
                Processes from the stack's pid files (`deploy/local/.run/pids`, through testkit's
                `LocalStack.processesByName()`), each with its descendants; PostgreSQL is its launcher JVM
                (`postgres`) and the server with its backends (`postgres-server`, whose RSS sum counts the shared
                buffers once per backend). CPU % = (utime + stime) from `/proc/<pid>/stat` over the window / the
                window, 100 % = one core of the two: idle over 15 s with nothing sent, load from the first order
                sent at `--load-rate` orders/s for 30 s until the last deal was written. RSS = `VmRSS` of
                `/proc/<pid>/status` at the end of each window, peak = `VmHWM` (since the process started, so it
                includes the earlier parts of the run). Startup = the last "started in X s" line Quarkus wrote
                to `deploy/local/.run/logs/<service>.log` (Quarkus's own figure, from its main to ready to serve,
                without the JVM's own start), as the stack started it, with the other services starting at the
                same time on the same two cores. The services run with `-Xmx256m -XX:+UseSerialGC
                -XX:TieredStopAtLevel=1`, the broker with `-Xmx512m`.""");
    }

    private Map<String, ProcStat.Sample> sampleAll() {
        Map<String, ProcStat.Sample> samples = new LinkedHashMap<>();
        processes.forEach((name, process) -> samples.put(name, ProcStat.sample(process)));
        return samples;
    }

    static String cpuPercent(ProcStat.Sample from, ProcStat.Sample to, double seconds) {
        double cpuSeconds = (to.cpuTicks() - from.cpuTicks()) / (double) ProcStat.TICKS_PER_SECOND;
        return ResultTable.decimal(100 * cpuSeconds / seconds, 1);
    }

    private static String mb(long kb) {
        return ResultTable.decimal(kb / 1024d, 0);
    }
}
