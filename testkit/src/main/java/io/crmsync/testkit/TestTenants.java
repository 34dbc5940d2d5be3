package io.crmsync.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tenant registry every {@code @QuarkusTest} runs with, and its names as constants. */
public final class TestTenants {

    public static final String ACME = "acme";
    public static final String GLOBEX = "globex";
    /** HubSpot tenant of its own for tests that break its CRM (outage, auth, rate limit). */
    public static final String HOOLI = "hooli";
    /** HubSpot tenant in dry-run mode. */
    public static final String UMBRELLA = "umbrella";
    public static final String ACME_SHOPIFY = "acme-shopify";
    public static final String ACME_SHOPIFY_SECRET = "test-acme-shopify-secret";
    public static final String ACME_SHOPIFY_ADMIN_TOKEN = "test-acme-shopify-token";
    public static final String ACME_WOO = "acme-woo";
    public static final String ACME_WOO_SECRET = "test-acme-woo-secret";
    public static final String ACME_WOO_CONSUMER_KEY = "ck_test_acme";
    public static final String ACME_WOO_CONSUMER_SECRET = "cs_test_acme";
    /** Adobe Commerce store of acme; its admin API takes the integration token as {@code Authorization: Bearer}. */
    public static final String ACME_ADOBE = "acme-adobe";
    public static final String ACME_ADOBE_INTEGRATION_TOKEN = "test-acme-adobe-integration-token";
    public static final String GLOBEX_BC = "globex-bc";
    public static final String GLOBEX_BC_SECRET = "test-globex-bc-client-secret";
    public static final String GLOBEX_BC_ADMIN_TOKEN = "test-globex-bc-token";
    public static final String ACME_HUBSPOT_TOKEN = "test-acme-hubspot-token";

    /** Where nothing listens: a test that did not ask for a simulator gets connection errors. */
    static final String NOWHERE = "http://127.0.0.1:9";

    private TestTenants() {
    }

    static Path write(String crmSandboxUrl, String simulatorUrl) {
        try (InputStream in = TestTenants.class.getResourceAsStream("test-tenants.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${crmSandboxUrl}", crmSandboxUrl)
                    .replace("${simulatorUrl}", simulatorUrl);
            Path file = Files.createTempFile("crmsync-tenants", ".yaml");
            Files.writeString(file, yaml);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
