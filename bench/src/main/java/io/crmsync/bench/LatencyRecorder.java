package io.crmsync.bench;

import org.HdrHistogram.SynchronizedHistogram;

/** Latencies from many completion threads, kept in microseconds with 3 significant digits (HdrHistogram). */
public final class LatencyRecorder {

    /** One minute: anything slower is a failure of the run, clamped rather than dropped. */
    private static final long HIGHEST_MICROS = 60_000_000L;

    private final SynchronizedHistogram micros = new SynchronizedHistogram(HIGHEST_MICROS, 3);

    public void recordNanos(long nanos) {
        long value = Math.max(1, nanos / 1000);
        micros.recordValue(Math.min(value, HIGHEST_MICROS));
    }

    public LatencySummary summary() {
        return LatencySummary.ofMicros(micros.copy());
    }
}
