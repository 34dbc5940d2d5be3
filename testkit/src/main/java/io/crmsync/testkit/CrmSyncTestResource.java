package io.crmsync.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the JVM's real broker and database and makes it
 * accept {@link JwtTokens}. Attach with {@code @WithTestResource(CrmSyncTestResource.class)}.
 */
public class CrmSyncTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KafkaBroker kafka = SharedInfra.kafka();
        PostgresServer postgres = SharedInfra.postgres();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("postgres"));
        config.put("quarkus.datasource.reactive.url",
                "postgresql://127.0.0.1:" + postgres.port() + "/postgres");
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("quarkus.oidc.public-key", JwtTokens.publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", JwtTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // The broker and database outlive one application: SharedInfra stops them with the JVM.
    }
}
