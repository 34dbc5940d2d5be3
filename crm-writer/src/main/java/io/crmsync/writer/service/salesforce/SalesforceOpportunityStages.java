package io.crmsync.writer.service.salesforce;

import java.util.Map;
import java.util.Optional;

/**
 * Canonical order status to a stage of Salesforce's default Opportunity stage picklist:
 *
 * <pre>
 * pending, open                                                  -> Negotiation/Review (placed, not yet paid)
 * paid, partially_fulfilled, fulfilled, partially_refunded, closed -> Closed Won
 * refunded, cancelled                                            -> Closed Lost
 * </pre>
 *
 * Negotiation/Review is the default picklist's last open stage (90 %), as HubSpot's contractsent is
 * in its default pipeline: the customer committed, the money has not arrived. A partially refunded
 * order is still revenue; a fully refunded or cancelled one is a lost deal.
 */
public final class SalesforceOpportunityStages {

    private static final Map<String, String> STAGES = Map.of(
            "pending", "Negotiation/Review",
            "open", "Negotiation/Review",
            "paid", "Closed Won",
            "partially_fulfilled", "Closed Won",
            "fulfilled", "Closed Won",
            "partially_refunded", "Closed Won",
            "closed", "Closed Won",
            "refunded", "Closed Lost",
            "cancelled", "Closed Lost");

    private SalesforceOpportunityStages() {
    }

    public static Optional<String> stageFor(String canonicalStatus) {
        return Optional.ofNullable(STAGES.get(canonicalStatus));
    }
}
