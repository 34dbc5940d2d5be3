package io.crmsync.bench.fault;

/**
 * One order the load sent and what the simulator said of its (last) webhook.
 *
 * @param result      the simulator's {@code delivery.result}: delivered, retrying, failed, dropped, held
 * @param firstStatus ingress's answer to the first attempt, -1 for none, 0 when nothing was sent yet
 * @param eventId     the webhook's event id (the same on every retry and duplicate)
 * @param finalAmount the amount of the order's last state, which the CRM must show
 */
record SentOrder(int n, long orderId, String email, String phone, String result, int firstStatus, String eventId,
                 String finalAmount) {

    String orderRef(String storeId) {
        return storeId + ":" + orderId;
    }

    boolean answered2xx() {
        return firstStatus >= 200 && firstStatus < 300;
    }
}
