package io.crmsync.bench.fault;

import io.crmsync.bench.StackHttp;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The steady load: a new order every {@code 1/rate} s seeded in the simulator (which delivers its
 * signed webhook), open loop on a pool, so a slow answer (ingress waiting for a dead broker) does
 * not slow the schedule. With {@code updates}, each order is seeded twice — pending, then paid
 * with a higher total — so out-of-order deliveries can roll a deal back if anything lets them.
 */
final class LoadSender implements AutoCloseable {

    private final StackHttp http;
    private final String simulatorUrl;
    private final String storeId;
    private final FaultOrders orders;
    private final int scenario;
    private final boolean updates;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(16);
    private final List<Future<SentOrder>> sent = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private ScheduledFuture<?> ticking;

    LoadSender(StackHttp http, String simulatorUrl, String storeId, FaultOrders orders, int scenario, boolean updates) {
        this.http = http;
        this.simulatorUrl = simulatorUrl;
        this.storeId = storeId;
        this.orders = orders;
        this.scenario = scenario;
        this.updates = updates;
    }

    void start(double perSecond) {
        long periodMicros = Math.round(1_000_000 / perSecond);
        ticking = clock.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            synchronized (sent) {
                sent.add(senders.submit(() -> send(n)));
            }
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Stops the schedule and waits for every answer (each PUT times out after 30 s). */
    List<SentOrder> stop() {
        ticking.cancel(false);
        clock.shutdown();
        List<SentOrder> results = new ArrayList<>();
        List<Future<SentOrder>> all;
        synchronized (sent) {
            all = List.copyOf(sent);
        }
        for (Future<SentOrder> future : all) {
            try {
                results.add(future.get(90, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("a load request did not finish: " + e, e);
            }
        }
        return results;
    }

    int sentSoFar() {
        return next.get();
    }

    private SentOrder send(int n) {
        SentOrder first = seed(n, !updates);
        if (!updates) {
            return first;
        }
        sleep(Duration.ofMillis(300));
        SentOrder second = seed(n, true);
        // The order counts as answered when its first webhook was; the later state is what the CRM must show.
        return new SentOrder(n, first.orderId(), first.email(), first.phone(), second.result(), first.firstStatus(),
                first.eventId(), second.finalAmount());
    }

    private SentOrder seed(int n, boolean paid) {
        long id = orders.orderId(scenario, n);
        StackHttp.Reply reply = http.put(simulatorUrl + "/_sim/stores/" + storeId + "/orders/" + id, orders.order(scenario, n, paid));
        String result = "refused:" + reply.status();
        int status = 0;
        String eventId = null;
        if (reply.is2xx()) {
            JsonNode delivery = reply.json().path("delivery");
            result = delivery.path("result").asText();
            status = delivery.path("status").isNumber() ? delivery.path("status").asInt() : 0;
            eventId = delivery.path("eventId").asText(null);
        }
        return new SentOrder(n, id, orders.email(scenario, n), orders.phone(scenario, n), result, status, eventId,
                FaultOrders.total(n, paid));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        senders.shutdownNow();
    }
}
