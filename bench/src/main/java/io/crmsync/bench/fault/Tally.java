package io.crmsync.bench.fault;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The accounting of one scenario's orders against the CRM and the DLQs.
 *
 * @param sent        orders sent
 * @param answered2xx orders whose first webhook attempt ingress answered 2xx
 * @param notAnswered orders whose webhook was not answered 2xx at first (retried by the simulator,
 *                    dropped or held by a fault, or refused): they must arrive all the same
 * @param inCrm       orders with exactly one deal
 * @param dlqByClass  orders on a DLQ (and not in the CRM), by error class
 * @param missing     orders neither in the CRM nor on a DLQ
 * @param doubled     orders with more than one deal, plus buyers with more than one contact
 * @param stale       orders whose deal does not show the order's last amount
 */
record Tally(int sent, int answered2xx, int notAnswered, int inCrm, Map<String, Integer> dlqByClass, int missing,
             int doubled, int stale) {

    static Tally of(List<SentOrder> orders, String storeId, CrmSnapshot crm, Map<String, String> dlq) {
        int answered = 0;
        int inCrm = 0;
        int missing = 0;
        int doubled = 0;
        int stale = 0;
        Map<String, Integer> dlqByClass = new TreeMap<>();
        Set<String> emails = new LinkedHashSet<>();
        for (SentOrder order : orders) {
            answered += order.answered2xx() ? 1 : 0;
            emails.add(order.email());
            List<JsonNode> deals = crm.deals(order.orderRef(storeId));
            if (deals.size() == 1) {
                inCrm++;
                String amount = deals.get(0).path("properties").path("amount").asText("");
                if (amount.isEmpty() || new BigDecimal(amount).compareTo(new BigDecimal(order.finalAmount())) != 0) {
                    stale++;
                }
            } else if (deals.size() > 1) {
                inCrm++;
                doubled++;
            } else {
                String errorClass = dlq == null ? null : DeadLetterTopics.classOf(dlq, storeId, order.orderId());
                if (errorClass != null) {
                    dlqByClass.merge(errorClass, 1, Integer::sum);
                } else {
                    missing++;
                }
            }
        }
        for (String email : emails) {
            doubled += Math.max(0, crm.contacts(email) - 1);
        }
        return new Tally(orders.size(), answered, orders.size() - answered, inCrm, dlqByClass, missing, doubled, stale);
    }

    int dlq() {
        return dlqByClass.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every order is in the CRM once or on a DLQ with its class; nothing doubled, nothing stale. */
    boolean balanced() {
        return missing == 0 && doubled == 0 && stale == 0 && inCrm + dlq() == sent;
    }
}
