package io.crmsync.writer.lane;

import io.agroal.api.AgroalDataSource;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.writer.config.WriterConfig;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two guarantees under the lanes, against the real database: a batch Kafka delivers again
 * after a crash (stored, not yet committed) is not stored twice, and one tenant's lane is drained
 * by one writer instance at a time.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "crm-sandbox"))
class InboxAndLeaseTest {

    @Inject
    InboxRepository inbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WriterConfig config;

    @Test
    void aBatchRedeliveredAfterACrashIsNotStoredTwice() throws Exception {
        // A topic of its own: no consumer of this application reads it, no lane drains its tenant.
        String topic = "inbox-test-" + UUID.randomUUID();
        String tenant = "nobody-" + UUID.randomUUID();
        List<InboxRepository.Consumed> batch = List.of(consumed(tenant, 0, 10), consumed(tenant, 0, 11),
                consumed(tenant, 1, 4));
        Map<Integer, Long> reached = Map.of(0, 12L, 1, 5L);

        assertThat(inbox.accept(topic, batch, reached)).containsExactly(tenant);
        // The crash came before the Kafka commit: the same records again, and one new one after them.
        List<InboxRepository.Consumed> again = List.of(consumed(tenant, 0, 10), consumed(tenant, 0, 11),
                consumed(tenant, 0, 12), consumed(tenant, 1, 4));
        inbox.accept(topic, again, Map.of(0, 13L, 1, 5L));

        List<InboxRecord> stored = inbox.due(tenant, Instant.now().plusSeconds(1), 100);
        assertThat(stored).extracting(r -> r.partition() + ":" + r.offset()).containsExactly("0:10", "0:11", "1:4", "0:12");
        assertThat(stored.get(0).header("ce_type")).isEqualTo("crm.contact.upsert.v1");
        inbox.delete(stored.stream().map(InboxRecord::id).toList());
    }

    @Test
    void aRowWaitingForItsRetryHoldsBackTheLaterRowsOfItsRecordOnly() throws Exception {
        String topic = "inbox-test-" + UUID.randomUUID();
        String tenant = "nobody-" + UUID.randomUUID();
        inbox.accept(topic, List.of(consumed(tenant, 0, 1, "k1"), consumed(tenant, 0, 2, "k2"),
                consumed(tenant, 0, 3, "k1")), Map.of(0, 4L));
        List<InboxRecord> rows = inbox.due(tenant, Instant.now().plusSeconds(1), 100);
        inbox.reschedule(List.of(rows.get(0).id()), 1, Instant.now().plusSeconds(60), "retryable");

        assertThat(inbox.due(tenant, Instant.now().plusSeconds(1), 100)).extracting(InboxRecord::kafkaKey)
                .containsExactly("k2");
        assertThat(inbox.nextDue(tenant, Instant.now())).isPresent();
        inbox.delete(rows.stream().map(InboxRecord::id).toList());
    }

    @Test
    void oneInstanceAtATimeDrainsATenantsLane() throws Exception {
        String tenant = "lease-" + UUID.randomUUID();
        LaneLeases first = new LaneLeases(dataSource, config);
        LaneLeases second = new LaneLeases(dataSource, config);

        assertThat(first.hold(tenant)).isTrue();
        assertThat(second.hold(tenant)).isFalse();
        assertThat(first.hold(tenant)).isTrue();

        first.releaseAll();
        assertThat(second.hold(tenant)).isTrue();
        assertThat(first.hold(tenant)).isFalse();
        second.releaseAll();
    }

    private static InboxRepository.Consumed consumed(String tenant, int partition, long offset) {
        return consumed(tenant, partition, offset, tenant + "/contact/gr-" + offset);
    }

    private static InboxRepository.Consumed consumed(String tenant, int partition, long offset, String key) {
        return new InboxRepository.Consumed(tenant, key, "{}".getBytes(StandardCharsets.UTF_8),
                List.of(new InboxRecord.RecordHeader("ce_type", "crm.contact.upsert.v1".getBytes(StandardCharsets.UTF_8))),
                partition, offset);
    }
}
