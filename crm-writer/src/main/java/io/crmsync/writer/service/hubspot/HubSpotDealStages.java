package io.crmsync.writer.service.hubspot;

import java.util.Map;
import java.util.Optional;

/**
 * Canonical order status to a stage of HubSpot's default deal pipeline ({@code default}):
 *
 * <pre>
 * pending, open                                                  -> contractsent  (placed, not yet paid)
 * paid, partially_fulfilled, fulfilled, partially_refunded, closed -> closedwon
 * refunded, cancelled                                            -> closedlost
 * </pre>
 *
 * A partially refunded order is still revenue; a fully refunded or cancelled one is a lost deal.
 */
public final class HubSpotDealStages {

    public static final String PIPELINE = "default";

    private static final Map<String, String> STAGES = Map.of(
            "pending", "contractsent",
            "open", "contractsent",
            "paid", "closedwon",
            "partially_fulfilled", "closedwon",
            "fulfilled", "closedwon",
            "partially_refunded", "closedwon",
            "closed", "closedwon",
            "refunded", "closedlost",
            "cancelled", "closedlost");

    private HubSpotDealStages() {
    }

    public static Optional<String> stageFor(String canonicalStatus) {
        return Optional.ofNullable(STAGES.get(canonicalStatus));
    }
}
