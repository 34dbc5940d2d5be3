package io.crmsync.dedup;

import io.agroal.api.AgroalDataSource;
import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.Order;
import io.crmsync.dedup.CommandWatch.Sent;
import io.crmsync.dedup.NormalizedEvents.Envelope;
import io.crmsync.dedup.messaging.OutboxPublisher;
import io.crmsync.dedup.repository.OutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.crmsync.dedup.NormalizedEvents.SHOPIFY;
import static io.crmsync.dedup.NormalizedEvents.T1;
import static io.crmsync.dedup.NormalizedEvents.customer;
import static io.crmsync.dedup.NormalizedEvents.newId;
import static io.crmsync.dedup.NormalizedEvents.send;
import static io.crmsync.dedup.NormalizedEvents.shopifyOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The transactional outbox: relay, crash between commit and send, trace continuity. */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
class OutboxRelayTest {

    private static final EventCodec CODEC = new EventCodec();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRepository outboxRows;

    @Inject
    OutboxPublisher publisher;

    @Test
    void aRowCommittedToTheOutboxIsSentExactlyOnceAndDeleted() throws Exception {
        String goldenKey = "gc-" + UUID.randomUUID();
        CrmRecordUpsert command = new CrmRecordUpsert(UUID.randomUUID().toString(), TestTenants.ACME,
                CrmRecordUpsert.CONTACT, goldenKey, Map.of("email", "relay@example.com"), List.of(), SyncMode.LIVE,
                null, T1);
        Envelope trace = Envelope.webhook();

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            // Written as another transaction would, not through the service: the relay owes it nothing else.
            long rowId = insertOutboxRow(command, trace.traceparent());

            assertThat(watch.await(Sent.contactKeyed(goldenKey), 1)).singleElement().satisfies(sent -> {
                assertThat(sent.command()).usingRecursiveComparison().isEqualTo(command);
                assertThat(sent.record().key()).isEqualTo(command.kafkaKey());
                assertThat(sent.header(CloudEventHeaders.ID)).isEqualTo(command.commandId());
                assertThat(sent.header(CloudEventHeaders.TYPE)).isEqualTo(EventType.CONTACT_UPSERT.name());
                assertThat(sent.header(CloudEventHeaders.TENANT)).isEqualTo(TestTenants.ACME);
                assertThat(sent.record().traceId()).isEqualTo(trace.traceId());
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> !outboxRowExists(rowId));
            assertThat(watch.settle(Sent.contactKeyed(goldenKey), Duration.ofSeconds(3))).hasSize(1);
        }
    }

    /**
     * Crash window 1, committed but not sent. The consumer commits its transaction while the relay cannot send (another holder has the
     * relay lease, which from the database's side is what a process that died right after its
     * commit looks like). The command is then a committed row and nothing else; when a relay can
     * run again it sends that row, with the command id fixed at commit time, once. A relay keeps
     * nothing in memory between passes and its lease is a transaction-scoped advisory lock that
     * PostgreSQL releases when a killed process's connection drops, so the relay that sends here
     * stands for the relay of a new process.
     */
    @Test
    void aCommandCommittedButNotSentSurvivesAndIsSentByTheNextRelay() throws Exception {
        String orderId = newId();
        String dealKey = TestTenants.ACME + "/deal/" + TestTenants.ACME_SHOPIFY + ":" + orderId;
        Order order = shopifyOrder(orderId, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(),
                "crash+" + orderId + "@example.com", "Cy", T1), T1);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            List<CrmRecordUpsert> committed;
            try (Connection lease = dataSource.getConnection()) {
                holdRelayLease(lease, true);
                try {
                    send(bootstrap, order, Envelope.webhook());
                    await().atMost(Duration.ofSeconds(30)).until(() -> outboxCommands(dealKey).size() == 1);
                    committed = outboxCommands(dealKey);
                    assertThat(processedEvents(orderId)).isEqualTo(1);
                    assertThat(watch.settle(s -> dealKey.equals(s.record().key()), Duration.ofSeconds(3))).isEmpty();
                } finally {
                    holdRelayLease(lease, false);
                }
            }

            List<Sent> sent = watch.await(s -> dealKey.equals(s.record().key()), 1);
            assertThat(sent).singleElement().satisfies(s ->
                    assertThat(s.command().commandId()).isEqualTo(committed.get(0).commandId()));
            await().atMost(Duration.ofSeconds(30)).until(() -> outboxCommands(dealKey).isEmpty());
            assertThat(watch.settle(s -> dealKey.equals(s.record().key()), Duration.ofSeconds(2))).hasSize(1);
        }
    }

    /**
     * Crash window 2, sent but not deleted: the broker acknowledged the row and the relay died
     * before its delete committed (here: the row is published by the publisher alone, and no
     * delete follows). The row is still there, so the next relay sends it again: the same bytes
     * under the same {@code ce_id} / command id. The crm-writer's upsert of the same fields under
     * the same record key changes nothing the second time, so the effect is once.
     */
    @Test
    void aCommandSentButNotDeletedIsSentAgainWithTheSameId() throws Exception {
        String goldenKey = "gc-" + UUID.randomUUID();
        CrmRecordUpsert command = new CrmRecordUpsert(UUID.randomUUID().toString(), TestTenants.ACME,
                CrmRecordUpsert.CONTACT, goldenKey, Map.of("email", "resent@example.com"), List.of(), SyncMode.LIVE,
                null, T1);

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            long rowId;
            try (Connection lease = dataSource.getConnection()) {
                holdRelayLease(lease, true);
                try {
                    rowId = insertOutboxRow(command, Envelope.webhook().traceparent());
                    OutboxMessage row = QuarkusTransaction.requiringNew().call(() -> outboxRows.findById(rowId));
                    assertThat(publisher.publish(List.of(row), Duration.ofSeconds(30))).isEqualTo(1);
                    assertThat(watch.await(Sent.contactKeyed(goldenKey), 1)).hasSize(1);
                    assertThat(outboxRowExists(rowId)).isTrue();
                } finally {
                    holdRelayLease(lease, false);
                }
            }

            List<Sent> sent = watch.await(Sent.contactKeyed(goldenKey), 2);
            assertThat(sent).hasSize(2).extracting(s -> s.header(CloudEventHeaders.ID)).containsOnly(command.commandId());
            assertThat(sent.get(1).record().value()).isEqualTo(sent.get(0).record().value());
            await().atMost(Duration.ofSeconds(30)).until(() -> !outboxRowExists(rowId));
            assertThat(watch.settle(Sent.contactKeyed(goldenKey), Duration.ofSeconds(2))).hasSize(2);
        }
    }

    @Test
    void theTraceOfTheConsumedRecordContinuesIntoTheCommands() {
        String orderId = newId();
        String email = "trace+" + orderId + "@example.com";
        Order order = shopifyOrder(orderId, customer(SHOPIFY, TestTenants.ACME_SHOPIFY, newId(), email, "Tia", T1), T1);
        Envelope envelope = Envelope.webhook();

        try (CommandWatch watch = CommandWatch.open(bootstrap)) {
            send(bootstrap, order, envelope);

            List<Sent> commands = watch.await(s -> Sent.dealOf(TestTenants.ACME_SHOPIFY + ":" + orderId).test(s)
                    || Sent.contactWithEmail(email).test(s), 2);
            assertThat(commands).hasSize(2).allSatisfy(s -> {
                assertThat(s.record().traceId()).isEqualTo(envelope.traceId());
                // A span of its own (the relay's producer span), not the upstream producer's.
                assertThat(s.header(CloudEventHeaders.TRACEPARENT)).isNotEqualTo(envelope.traceparent());
            });
        }
    }

    private long insertOutboxRow(CrmRecordUpsert command, String traceparent) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPECVERSION, "1.0");
        headers.put(CloudEventHeaders.ID, command.commandId());
        headers.put(CloudEventHeaders.TYPE, EventType.CONTACT_UPSERT.name());
        headers.put(CloudEventHeaders.SOURCE, "/crm-sync/dedup-service");
        headers.put(CloudEventHeaders.TENANT, command.tenant());
        headers.put(CloudEventHeaders.ORIGIN, "webhook");
        headers.put("content-type", "application/json");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into dedup.outbox_message
                        (tenant, topic, record_key, ce_type, headers, payload, traceparent, created_at)
                    values (?, ?, ?, ?, ?::jsonb, ?, ?, now()) returning id""")) {
                insert.setString(1, command.tenant());
                insert.setString(2, Topics.CRM_RECORD_UPSERT);
                insert.setString(3, command.kafkaKey());
                insert.setString(4, EventType.CONTACT_UPSERT.name());
                insert.setString(5, EventCodec.mapper().writeValueAsString(headers));
                insert.setBytes(6, CODEC.encode(EventType.CONTACT_UPSERT, command));
                insert.setString(7, traceparent);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    long id = rs.getLong(1);
                    c.commit();
                    return id;
                }
            }
        }
    }

    /** Session-level advisory lock on the relay's lease key: while held, no relay can send. */
    private static void holdRelayLease(Connection connection, boolean hold) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                hold ? "select pg_advisory_lock(?)" : "select pg_advisory_unlock(?)")) {
            q.setLong(1, OutboxRepository.RELAY_LEASE);
            q.execute();
        }
    }

    private boolean outboxRowExists(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select count(*) from dedup.outbox_message where id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private List<CrmRecordUpsert> outboxCommands(String recordKey) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select payload from dedup.outbox_message where record_key = ? order by id")) {
            q.setString(1, recordKey);
            List<CrmRecordUpsert> commands = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    commands.add(CODEC.decode(EventType.DEAL_UPSERT, rs.getBytes(1)));
                }
            }
            return commands;
        }
    }

    private long processedEvents(String orderId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select count(*) from dedup.processed_event where object_type = 'order' and object_id = ?")) {
            q.setString(1, orderId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
