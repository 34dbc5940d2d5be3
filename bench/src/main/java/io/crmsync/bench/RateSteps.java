package io.crmsync.bench;

import java.util.List;
import java.util.OptionalInt;

/** The end-to-end rule: a rate is sustained when every accepted order synced and p99 stayed under the limit. */
public final class RateSteps {

    /** The bar: p99 from webhook to CRM write under 2 s. */
    public static final double P99_LIMIT_MS = 2000;

    private RateSteps() {
    }

    public static boolean sustained(SyncResult step) {
        return step.accepted() == step.sent() && step.accepted() > 0 && step.missing() == 0
                && step.latency().p99() < P99_LIMIT_MS;
    }

    /** The highest rate of the steps sustained from the first one on (steps in rising order); empty when the first failed. */
    public static OptionalInt highestSustained(List<SyncResult> steps) {
        OptionalInt highest = OptionalInt.empty();
        for (SyncResult step : steps) {
            if (!sustained(step)) {
                break;
            }
            highest = OptionalInt.of(step.rate());
        }
        return highest;
    }
}
