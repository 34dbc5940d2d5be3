package io.crmsync.commons.tenant;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code crm.fieldOwnership} in the registry: typed rules, defaults, and load-time validation. */
class FieldOwnershipTest {

    private static final String REGISTRY = """
            tenants:
              - id: acme
                liveSince: 2026-01-01
                crm:
                  kind: hubspot
                  baseUrl: http://crm.example/acme
                  fieldOwnership:
                    contact:
                      email:      { owner: commerce, strategy: last-write-wins }
                      phone:      { owner: commerce, strategy: manual-review }
                      firstName:  { owner: crm }
                      lastName:   { owner: commerce, strategy: source-wins }
                      additionalEmails: { owner: commerce, strategy: merge }
                stores:
                  - { id: acme-shopify, platform: shopify, webhookSecret: s }
              - id: globex
                liveSince: 2026-01-01
                crm: { kind: salesforce, baseUrl: http://crm.example/globex }
                stores:
                  - { id: globex-bc, platform: bigcommerce, webhookSecret: s }
            """;

    private final TenantRegistryLoader loader = new TenantRegistryLoader(name -> null);

    @Test
    void rulesAreReadPerFieldWithWireNames() {
        FieldOwnership acme = ownership("acme", REGISTRY);

        assertThat(acme.contact("email")).isEqualTo(FieldRule.commerce(FieldStrategy.LAST_WRITE_WINS));
        assertThat(acme.contact("phone")).isEqualTo(FieldRule.commerce(FieldStrategy.MANUAL_REVIEW));
        assertThat(acme.contact("firstName")).isEqualTo(FieldRule.crm());
        assertThat(acme.contact("firstName").crmOwned()).isTrue();
        assertThat(acme.contact("lastName")).isEqualTo(FieldRule.commerce(FieldStrategy.SOURCE_WINS));
        assertThat(acme.contact("additionalEmails")).isEqualTo(FieldRule.commerce(FieldStrategy.MERGE));
        assertThat(FieldStrategy.MANUAL_REVIEW.wire()).isEqualTo("manual-review");
        assertThat(FieldOwner.CRM.wire()).isEqualTo("crm");
    }

    @Test
    void withoutRulesEveryFieldIsCommerceLastWriteWinsAndAdditionalEmailsMerge() {
        FieldOwnership globex = ownership("globex", REGISTRY);

        assertThat(globex).isEqualTo(FieldOwnership.DEFAULTS);
        for (String field : FieldOwnership.CONTACT_FIELDS) {
            assertThat(globex.contact(field)).isEqualTo(FieldRule.commerce(FieldStrategy.LAST_WRITE_WINS));
        }
        assertThat(globex.contact("additionalEmails")).isEqualTo(FieldRule.commerce(FieldStrategy.MERGE));
    }

    @Test
    void aCommerceRuleWithoutStrategyTakesTheFieldsDefaultStrategy() {
        String yaml = REGISTRY.replace("{ owner: commerce, strategy: manual-review }", "{ owner: commerce }")
                .replace("additionalEmails: { owner: commerce, strategy: merge }", "additionalEmails: { owner: commerce }");

        assertThat(ownership("acme", yaml).contact("phone")).isEqualTo(FieldRule.commerce(FieldStrategy.LAST_WRITE_WINS));
        assertThat(ownership("acme", yaml).contact("additionalEmails")).isEqualTo(FieldRule.commerce(FieldStrategy.MERGE));
    }

    @Test
    void unknownOwnerStrategyFieldOrObjectTypeFailTheLoadNamingTenantAndField() {
        assertRefused(REGISTRY.replace("owner: commerce, strategy: manual-review", "owner: shop, strategy: manual-review"),
                "tenant acme crm.fieldOwnership.contact.phone: unknown owner 'shop'");
        assertRefused(REGISTRY.replace("strategy: manual-review", "strategy: ask-someone"),
                "tenant acme crm.fieldOwnership.contact.phone: unknown strategy 'ask-someone'");
        assertRefused(REGISTRY.replace("phone:      {", "fax:      {"),
                "tenant acme crm.fieldOwnership: unknown field contact.fax");
        assertRefused(REGISTRY.replace("    contact:", "    lead:"),
                "tenant acme crm.fieldOwnership: unknown CRM object type 'lead'");
        assertRefused(REGISTRY.replace("{ owner: crm }", "{ ownr: crm }"),
                "tenant acme crm.fieldOwnership.contact.firstName: unknown key 'ownr'");
        assertRefused(REGISTRY.replace("{ owner: crm }", "{ strategy: source-wins }"),
                "tenant acme crm.fieldOwnership.contact.firstName has no 'owner'");
    }

    @Test
    void mergeIsOnlyForMultiValuedFieldsAndCrmOwnedFieldsTakeNoStrategy() {
        assertRefused(REGISTRY.replace("owner: commerce, strategy: last-write-wins", "owner: commerce, strategy: merge"),
                "tenant acme crm.fieldOwnership: field contact.email holds one value: strategy merge is for multi-valued fields");
        assertRefused(REGISTRY.replace("additionalEmails: { owner: commerce, strategy: merge }",
                        "additionalEmails: { owner: commerce, strategy: source-wins }"),
                "field contact.additionalEmails is multi-valued: its strategy can only be merge");
        assertRefused(REGISTRY.replace("{ owner: crm }", "{ owner: crm, strategy: source-wins }"),
                "tenant acme crm.fieldOwnership.contact.firstName: owner crm takes no strategy");
    }

    @Test
    void aCrmAccountBuiltWithoutRulesHasTheDefaults() {
        CrmAccount account = new CrmAccount(CrmKind.HUBSPOT, "a", "http://crm", Map.of(), new RateLimit(1, 1));
        assertThat(account.fieldOwnership()).isSameAs(FieldOwnership.DEFAULTS);
    }

    private FieldOwnership ownership(String tenant, String yaml) {
        return loader.parse(yaml.getBytes(StandardCharsets.UTF_8)).tenant(tenant).orElseThrow().crm().fieldOwnership();
    }

    private void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> loader.parse(yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRegistryException.class)
                .hasMessageContaining(message);
    }
}
