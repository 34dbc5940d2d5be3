package io.crmsync.bench.fault;

import java.time.Duration;

/**
 * One fault of the suite.
 *
 * @param hold              how long the fault stays in after it was injected (the load keeps running)
 * @param updates           each order is sent twice (pending, then paid), for ordering faults
 * @param expectsDuplicates the dedup-service must count at least one duplicate per duplicated delivery
 * @param recoveryBudget    how long the accounting may take to balance after the fault ended
 */
record Scenario(String name, Disruption disruption, Duration hold, boolean updates, boolean expectsDuplicates,
                Duration recoveryBudget) {
}
