package io.crmsync.writer.service.hubspot;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class HubSpotPropertiesTest {

    private static final Instant UPDATED = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void contactCarriesEmailNamesPhoneAndItsGoldenKey() {
        CrmRecordUpsert contact = new CrmRecordUpsert("cmd-1", "acme", CrmRecordUpsert.CONTACT, "gr-1",
                Map.of("email", "zoe@example.com", "firstName", "Zoë", "lastName", "Müller", "phone", "+493012345678",
                        "marketingConsent", "granted"),
                List.of(), SyncMode.LIVE, null, UPDATED);

        assertThat(HubSpotProperties.of(contact)).containsOnly(
                entry("email", "zoe@example.com"), entry("firstname", "Zoë"), entry("lastname", "Müller"),
                entry("phone", "+493012345678"), entry("crmsync_contact_key", "gr-1"));
        assertThat(HubSpotProperties.objectType(CrmRecordUpsert.CONTACT)).isEqualTo("contacts");
        assertThat(HubSpotProperties.idProperty(CrmRecordUpsert.CONTACT)).isEqualTo("crmsync_contact_key");
    }

    @Test
    void additionalEmailsGoToHubSpotsSemicolonSeparatedProperty() {
        CrmRecordUpsert contact = new CrmRecordUpsert("cmd-2", "acme", CrmRecordUpsert.CONTACT, "gr-2",
                Map.of("email", "zoe@example.com", "additionalEmails", "zoe@old.example;z.m@example.org"),
                List.of(), SyncMode.LIVE, null, UPDATED);

        assertThat(HubSpotProperties.of(contact)).containsOnly(entry("email", "zoe@example.com"),
                entry("hs_additional_emails", "zoe@old.example;z.m@example.org"), entry("crmsync_contact_key", "gr-2"));
    }

    @Test
    void liveDealIsInTheDefaultPipelineWithItsOrderRef() {
        assertThat(HubSpotProperties.of(deal("paid", SyncMode.LIVE))).containsOnly(
                entry("dealname", "#1001"), entry("amount", "194.00"), entry("deal_currency_code", "EUR"),
                entry("dealstage", "closedwon"), entry("pipeline", "default"),
                entry("closedate", "2026-02-27T09:00:00Z"), entry("crmsync_sync_mode", "live"),
                entry("crmsync_order_ref", "acme-shopify:450789469"));
        assertThat(HubSpotProperties.idProperty(CrmRecordUpsert.DEAL)).isEqualTo("crmsync_order_ref");
    }

    @Test
    void backfilledDealCarriesTheBackfillMarker() {
        assertThat(HubSpotProperties.of(deal("refunded", SyncMode.BACKFILL)))
                .contains(entry("crmsync_sync_mode", "backfill"), entry("dealstage", "closedlost"));
    }

    @Test
    void everyCanonicalOrderStatusHasADealStage() {
        Arrays.stream(OrderStatus.values()).map(HubSpotPropertiesTest::wire).forEach(status ->
                assertThat(HubSpotDealStages.stageFor(status)).as(status)
                        .hasValueSatisfying(stage -> assertThat(stage).isIn("contractsent", "closedwon", "closedlost")));
        assertThat(HubSpotDealStages.stageFor("pending")).contains("contractsent");
        assertThat(HubSpotDealStages.stageFor("partially_refunded")).contains("closedwon");
        assertThat(HubSpotDealStages.stageFor("cancelled")).contains("closedlost");
    }

    @Test
    void companyMapsCountryCodeToCountry() {
        CrmRecordUpsert company = new CrmRecordUpsert("cmd-3", "acme", CrmRecordUpsert.COMPANY, "co-1",
                Map.of("name", "Acme GmbH", "domain", "acme.example", "countryCode", "DE"), List.of(), SyncMode.LIVE,
                null, UPDATED);

        assertThat(HubSpotProperties.of(company)).containsOnly(entry("name", "Acme GmbH"),
                entry("domain", "acme.example"), entry("country", "DE"), entry("crmsync_company_key", "co-1"));
    }

    @Test
    void findsDealsHubSpotCouldNotHoldAsWritten() {
        assertThat(HubSpotProperties.problem(deal("paid", SyncMode.LIVE))).isEmpty();
        assertThat(HubSpotProperties.problem(withField(deal("paid", SyncMode.LIVE), "orderRef", "acme-shopify:1")))
                .hasValueSatisfying(p -> assertThat(p).contains("differs from its record key"));
        assertThat(HubSpotProperties.problem(deal("shipped", SyncMode.LIVE)))
                .hasValueSatisfying(p -> assertThat(p).contains("not a canonical order status"));
        assertThat(HubSpotProperties.problem(withField(deal("paid", SyncMode.LIVE), "amount", "1,5")))
                .hasValueSatisfying(p -> assertThat(p).contains("not a decimal"));
    }

    private static CrmRecordUpsert deal(String status, SyncMode mode) {
        return new CrmRecordUpsert("cmd-2", "acme", CrmRecordUpsert.DEAL, "acme-shopify:450789469",
                Map.of("orderRef", "acme-shopify:450789469", "name", "#1001", "amount", "194.00", "currency", "EUR",
                        "status", status, "createdAt", "2026-02-27T09:00:00Z", "orderNumber", "1001"),
                List.of(), mode, null, UPDATED);
    }

    private static CrmRecordUpsert withField(CrmRecordUpsert c, String name, String value) {
        Map<String, String> fields = new HashMap<>(c.fields());
        fields.put(name, value);
        return new CrmRecordUpsert(c.commandId(), c.tenant(), c.crmObjectType(), c.recordKey(), fields,
                c.associations(), c.syncMode(), c.source(), c.sourceUpdatedAt());
    }

    private static String wire(OrderStatus status) {
        try {
            return OrderStatus.class.getField(status.name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
