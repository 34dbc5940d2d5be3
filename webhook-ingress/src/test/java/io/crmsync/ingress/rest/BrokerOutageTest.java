package io.crmsync.ingress.rest;

import io.crmsync.ingress.Fixtures;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.KafkaBroker;
import io.crmsync.testkit.SharedInfra;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Runs last of the application's tests: it takes the broker away. */
@QuarkusTest
@WithTestResource(CrmSyncTestResource.class)
@Order(Integer.MAX_VALUE)
class BrokerOutageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void answers503WhileTheBrokerIsDownAndNeverPublishesThatDelivery() {
        KafkaBroker kafka = SharedInfra.kafka();
        assertThat(kafka.bootstrapServers()).as("the broker the application uses").isEqualTo(bootstrapServers);
        byte[] body = Fixtures.unwrapped(Deliveries.SHOPIFY_ORDER, "order");
        String refused = Deliveries.newEventId();
        String afterwards = Deliveries.newEventId();

        try (TopicProbe probe = TopicProbe.open(bootstrapServers, Deliveries.TOPIC)) {
            kafka.stop();
            try {
                Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, Deliveries.shopifyHeaders(body, refused), body)
                        .statusCode(503).body("error", equalTo("not_durable"));
            } finally {
                kafka.start();
            }

            // The storefront's retry, once the broker is back, is accepted.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Deliveries.post("shopify", TestTenants.ACME_SHOPIFY, Deliveries.shopifyHeaders(body, afterwards), body)
                            .extract().statusCode() == 202);

            probe.await(1, Duration.ofSeconds(30));
            List<String> published = probe.poll(Duration.ofSeconds(3)).stream()
                    .map(record -> Deliveries.decode(record).delivery().id()).toList();
            assertThat(published).contains(afterwards).doesNotContain(refused);
        }
    }
}
