package io.crmsync.bench;

import org.HdrHistogram.AbstractHistogram;

/**
 * Percentiles of one run, in milliseconds.
 *
 * @param count recorded values
 * @param p50   median
 * @param p99   99th percentile
 * @param max   largest value
 */
public record LatencySummary(long count, double p50, double p99, double max) {

    public static final LatencySummary EMPTY = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN);

    /** Summarises a histogram recorded in microseconds. */
    public static LatencySummary ofMicros(AbstractHistogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(micros.getTotalCount(),
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000d;
    }
}
