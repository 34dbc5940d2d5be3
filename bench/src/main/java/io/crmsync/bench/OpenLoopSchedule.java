package io.crmsync.bench;

/**
 * When each request of an open-loop run is due: request {@code i} is scheduled at
 * {@code start + i / rate} whatever happened to the ones before, so a stall of the system under
 * test shows up as latency of every request scheduled during it (no coordinated omission).
 *
 * @param ratePerSecond offered rate
 * @param startNanos    {@link System#nanoTime()} at which request 0 is due
 * @param warmupCount   the first requests, sent but not measured
 * @param measuredCount requests measured after the warm-up
 */
public record OpenLoopSchedule(int ratePerSecond, long startNanos, long warmupCount, long measuredCount) {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    public static OpenLoopSchedule of(int ratePerSecond, int warmupSeconds, int measuredSeconds, long startNanos) {
        return new OpenLoopSchedule(ratePerSecond, startNanos,
                (long) ratePerSecond * warmupSeconds, (long) ratePerSecond * measuredSeconds);
    }

    public long totalCount() {
        return warmupCount + measuredCount;
    }

    /** The scheduled send time of request {@code index}; computed from the start, so rounding never accumulates. */
    public long scheduledAt(long index) {
        return startNanos + Math.round(index * NANOS_PER_SECOND / ratePerSecond);
    }

    public boolean isMeasured(long index) {
        return index >= warmupCount;
    }

    /** When the first measured request is due: the start of the measured window. */
    public long measuredFrom() {
        return scheduledAt(warmupCount);
    }

    /** Nominal length of the measured window, in nanoseconds. */
    public long measuredNanos() {
        return scheduledAt(totalCount()) - measuredFrom();
    }
}
