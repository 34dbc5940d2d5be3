package io.crmsync.testkit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SharedInfraTest {

    @Test
    void theBrokerStoresAndServesRecordsAndSurvivesARestart() {
        KafkaBroker kafka = SharedInfra.kafka();
        try (TopicProbe probe = TopicProbe.open(kafka.bootstrapServers(), "testkit.probe.v1")) {
            TopicProbe.send(kafka.bootstrapServers(), "testkit.probe.v1", "k1", "one".getBytes(StandardCharsets.UTF_8),
                    Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
            assertThat(probe.await(1, Duration.ofSeconds(20))).singleElement()
                    .satisfies(r -> {
                        assertThat(r.key()).isEqualTo("k1");
                        assertThat(r.valueAsString()).isEqualTo("one");
                        assertThat(r.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
                    });
        }
        kafka.stop();
        assertThat(FreePorts.isListening(Integer.parseInt(kafka.bootstrapServers().split(":")[1]))).isFalse();
        kafka.start();
        try (TopicProbe probe = TopicProbe.open(kafka.bootstrapServers(), "testkit.probe.v1")) {
            TopicProbe.send(kafka.bootstrapServers(), "testkit.probe.v1", "k2", "two".getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(probe.await(1, Duration.ofSeconds(20))).extracting(TopicProbe.Received::key).containsExactly("k2");
        }
    }

    @Test
    void theDatabaseIsARealPostgres() throws Exception {
        PostgresServer postgres = SharedInfra.postgres();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("select version()")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("PostgreSQL 15");
        }
    }
}
