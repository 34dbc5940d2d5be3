package io.crmsync.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the JVM's real broker and (if it has a datasource)
 * database, the test tenant registry, and (if it has OIDC) makes it accept {@link JwtTokens}. Attach with
 * {@code @WithTestResource(CrmSyncTestResource.class)}; add
 * {@code initArgs = @ResourceArg(name = "apps", value = "crm-sandbox,storefront-simulator")} to
 * also run those applications (their URLs land in the registry and in
 * {@code crmsync.test.crm-sandbox-url} / {@code crmsync.test.storefront-simulator-url}).
 */
public class CrmSyncTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String CRM_SANDBOX = "crm-sandbox";
    public static final String STOREFRONT_SIMULATOR = "storefront-simulator";

    private List<String> apps = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        String names = initArgs.getOrDefault("apps", "");
        apps = names.isBlank() ? List.of() : Arrays.stream(names.split(",")).map(String::trim).toList();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", SharedInfra.kafka().bootstrapServers());
        // Only what the application has: a stateless service gets no database (and no 8 s start).
        if (onClasspath("io.quarkus.agroal.DataSource")) {
            PostgresServer postgres = SharedInfra.postgres();
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("postgres"));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        }
        if (onClasspath("io.quarkus.oidc.OidcTenantConfig")) {
            config.put("quarkus.oidc.public-key", JwtTokens.publicKeyBase64());
            config.put("quarkus.oidc.token.issuer", JwtTokens.ISSUER);
        }

        String crmSandboxUrl = TestTenants.NOWHERE;
        String simulatorUrl = TestTenants.NOWHERE;
        if (apps.contains(CRM_SANDBOX)) {
            crmSandboxUrl = url(SharedInfra.app(CRM_SANDBOX, Map.of()));
        }
        Path tenants;
        if (apps.contains(STOREFRONT_SIMULATOR)) {
            // The simulator signs webhooks with the stores' secrets, so it reads the same registry.
            Path registry = TestTenants.write(crmSandboxUrl, "${simulatorUrl}");
            AppProcess simulator = SharedInfra.app(STOREFRONT_SIMULATOR, Map.of("CRMSYNC_TENANTS_FILE", registry.toString()));
            simulatorUrl = url(simulator);
        }
        tenants = TestTenants.write(crmSandboxUrl, simulatorUrl);
        config.put("crmsync.tenants.file", tenants.toString());
        config.put("crmsync.test.crm-sandbox-url", crmSandboxUrl);
        config.put("crmsync.test.storefront-simulator-url", simulatorUrl);
        return config;
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String url(AppProcess app) {
        return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void stop() {
        // The broker, database and apps outlive one application: SharedInfra stops them with the JVM.
    }
}
