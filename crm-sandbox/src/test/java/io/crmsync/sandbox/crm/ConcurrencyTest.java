package io.crmsync.sandbox.crm;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ConcurrencyTest extends SandboxTestSupport {

    private static final int THREADS = 8;
    private static final int BATCHES_PER_THREAD = 5;
    private static final int KEYS = 20;

    /** Concurrent batches over the same keys must still leave exactly one record per key. */
    @Test
    void concurrentUpsertsOfTheSameKeysNeverDuplicateRecords() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                statuses.add(pool.submit(() -> {
                    int ok = 0;
                    for (int b = 0; b < BATCHES_PER_THREAD; b++) {
                        String account = b % 2 == 0 ? "acme" : "initech";
                        int status = hubspotUpsert(account, "deals", Map.of("inputs", many(KEYS,
                                        i -> input("crmsync_order_ref", "o-" + i, Map.of("writer", "t" + thread)))))
                                .extract().statusCode();
                        ok += status == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int succeeded = 0;
            for (Future<Integer> status : statuses) {
                succeeded += status.get(60, TimeUnit.SECONDS);
            }
            assertThat(succeeded).isEqualTo(THREADS * BATCHES_PER_THREAD);
        } finally {
            pool.shutdownNow();
        }

        assertThat(sandboxObjects("acme", "deals")).hasSize(KEYS);
        assertThat(sandboxObjects("initech", "deals")).hasSize(KEYS);
        given().get("/_sandbox/stats").then()
                .body("accounts.acme.requests.total", Matchers.equalTo(THREADS * 3))
                .body("accounts.initech.requests.total", Matchers.equalTo(THREADS * 2))
                .body("accounts.acme.automationsFired", Matchers.equalTo(KEYS))
                .body("accounts.initech.automationsFired", Matchers.equalTo(KEYS));
    }
}
