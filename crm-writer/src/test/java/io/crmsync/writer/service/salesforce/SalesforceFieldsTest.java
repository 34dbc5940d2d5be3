package io.crmsync.writer.service.salesforce;

import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.contract.model.OrderStatus;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SalesforceFieldsTest {

    private static final Instant UPDATED = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void contactIsUpsertedByItsGoldenKeyWithoutCompanyOrConsent() {
        CrmRecordUpsert contact = command(CrmRecordUpsert.CONTACT, "gr-1", Map.of("email", "zoe@example.com",
                "firstName", "Zoë", "lastName", "Müller", "phone", "+493012345678", "company", "Globex",
                "marketingConsent", "granted", "additionalEmails", "zoe@old.example;z.m@example.org"), SyncMode.LIVE);

        assertThat(SalesforceFields.fields(contact)).containsOnly(
                entry("Email", "zoe@example.com"), entry("FirstName", "Zoë"), entry("LastName", "Müller"),
                entry("Phone", "+493012345678"), entry("CrmSync_Additional_Emails__c", "zoe@old.example;z.m@example.org"),
                entry("CrmSync_Key__c", "gr-1"));
        assertThat(SalesforceFields.sObject(CrmRecordUpsert.CONTACT)).isEqualTo("Contact");
        assertThat(SalesforceFields.externalIdField(CrmRecordUpsert.CONTACT)).isEqualTo("CrmSync_Key__c");
        assertThat(SalesforceFields.record(contact)).containsEntry("attributes", Map.of("type", "Contact"))
                .extractingByKey("attributes").isNotNull();
        assertThat(SalesforceFields.record(contact).keySet()).first().isEqualTo("attributes");
    }

    @Test
    void companyIsAnAccountWithBillingAddressFields() {
        CrmRecordUpsert company = command(CrmRecordUpsert.COMPANY, "co-1", Map.of("name", "Globex GmbH",
                "domain", "globex.example", "phone", "+4930999", "city", "Berlin", "countryCode", "DE"), SyncMode.LIVE);

        assertThat(SalesforceFields.fields(company)).containsOnly(entry("Name", "Globex GmbH"),
                entry("Website", "globex.example"), entry("Phone", "+4930999"), entry("BillingCity", "Berlin"),
                entry("BillingCountryCode", "DE"), entry("CrmSync_Key__c", "co-1"));
        assertThat(SalesforceFields.sObject(CrmRecordUpsert.COMPANY)).isEqualTo("Account");
    }

    @Test
    void liveOpportunityCarriesItsOrderRefAnExactAmountAndTheDayItClosed() {
        Map<String, Object> fields = SalesforceFields.fields(deal("paid", "12345678901234567.89", SyncMode.LIVE,
                Map.of("createdAt", "2026-02-27T23:30:00Z")));

        assertThat(fields).containsOnly(entry("Name", "Order #1001"), entry("Amount", new BigDecimal("12345678901234567.89")),
                entry("CurrencyIsoCode", "EUR"), entry("StageName", "Closed Won"), entry("CloseDate", "2026-02-27"),
                entry("CrmSync_Sync_Mode__c", "live"), entry("CrmSync_Order_Ref__c", "globex-bc:1001"));
        // Scale kept as sent: a JSON number written from this BigDecimal reads 194.00, not 194.0.
        assertThat(SalesforceFields.fields(deal("paid", "194.00", SyncMode.LIVE, Map.of())).get("Amount"))
                .hasToString("194.00");
        assertThat(SalesforceFields.externalIdField(CrmRecordUpsert.DEAL)).isEqualTo("CrmSync_Order_Ref__c");
    }

    @Test
    void closeDateIsTheCloseDateWhenThereIsOneAsADayInUtc() {
        assertThat(SalesforceFields.fields(deal("paid", "1", SyncMode.LIVE, Map.of("closeDate", "2026-03-02",
                "createdAt", "2026-02-27T10:00:00Z")))).containsEntry("CloseDate", "2026-03-02");
        assertThat(SalesforceFields.fields(deal("paid", "1", SyncMode.LIVE, Map.of("closeDate", "2026-03-02T01:30:00+02:00"))))
                .containsEntry("CloseDate", "2026-03-01");
        assertThat(SalesforceFields.fields(deal("paid", "1", SyncMode.LIVE, Map.of()))).doesNotContainKey("CloseDate");
    }

    @Test
    void backfilledOpportunityCarriesTheBackfillMarker() {
        assertThat(SalesforceFields.fields(deal("refunded", "5.00", SyncMode.BACKFILL, Map.of())))
                .contains(entry("CrmSync_Sync_Mode__c", "backfill"), entry("StageName", "Closed Lost"));
    }

    @Test
    void everyCanonicalStatusHasADefaultStage() {
        for (OrderStatus status : OrderStatus.values()) {
            String wire = wireName(status);
            assertThat(SalesforceOpportunityStages.stageFor(wire)).as(wire).isPresent();
        }
        assertThat(SalesforceOpportunityStages.stageFor("open")).contains("Negotiation/Review");
        assertThat(SalesforceOpportunityStages.stageFor("partially_refunded")).contains("Closed Won");
        assertThat(SalesforceOpportunityStages.stageFor("cancelled")).contains("Closed Lost");
    }

    @Test
    void findsWhatCannotBeWrittenBeforeAnyCall() {
        assertThat(SalesforceFields.problem(deal("paid", "194.00", SyncMode.LIVE, Map.of()))).isEmpty();
        assertThat(SalesforceFields.problem(deal("paid", "1,94", SyncMode.LIVE, Map.of()))).get().asString()
                .contains("not a decimal");
        assertThat(SalesforceFields.problem(deal("shipped", "1", SyncMode.LIVE, Map.of()))).get().asString()
                .contains("not a canonical order status");
        assertThat(SalesforceFields.problem(deal("paid", "1", SyncMode.LIVE, Map.of("currency", "euro"))))
                .get().asString().contains("ISO 4217");
        assertThat(SalesforceFields.problem(deal("paid", "1", SyncMode.LIVE, Map.of("closeDate", "next week"))))
                .get().asString().contains("close date");
        Map<String, String> withoutAmount = new HashMap<>(deal("paid", "1", SyncMode.LIVE, Map.of()).fields());
        withoutAmount.remove("amount");
        assertThat(SalesforceFields.problem(command(CrmRecordUpsert.DEAL, "globex-bc:1001", withoutAmount, SyncMode.LIVE)))
                .isPresent();
        assertThat(SalesforceFields.problem(deal("paid", "1", SyncMode.LIVE, Map.of("orderRef", "globex-bc:9"))))
                .get().asString().contains("differs from its record key");
        assertThat(SalesforceFields.problem(command(CrmRecordUpsert.CONTACT, "gr-1", Map.of(), SyncMode.LIVE))).isEmpty();
    }

    @Test
    void associationsAreLookupsOnTheChildWhicheverEndComesFirst() {
        assertThat(SalesforceFields.lookup(CrmRecordUpsert.DEAL, CrmRecordUpsert.CONTACT))
                .contains(new SalesforceFields.Lookup(CrmRecordUpsert.DEAL, "ContactId", true));
        assertThat(SalesforceFields.lookup(CrmRecordUpsert.DEAL, CrmRecordUpsert.COMPANY))
                .contains(new SalesforceFields.Lookup(CrmRecordUpsert.DEAL, "AccountId", true));
        assertThat(SalesforceFields.lookup(CrmRecordUpsert.CONTACT, CrmRecordUpsert.COMPANY))
                .contains(new SalesforceFields.Lookup(CrmRecordUpsert.CONTACT, "AccountId", true));
        assertThat(SalesforceFields.lookup(CrmRecordUpsert.COMPANY, CrmRecordUpsert.CONTACT))
                .contains(new SalesforceFields.Lookup(CrmRecordUpsert.CONTACT, "AccountId", false));
        assertThat(SalesforceFields.lookup(CrmRecordUpsert.CONTACT, CrmRecordUpsert.CONTACT)).isEmpty();
    }

    @Test
    void soqlLiteralsEscapeQuotesAndBackslashes() {
        assertThat(SalesforceFields.soqlLiteral("o'brien\\x")).isEqualTo("'o\\'brien\\\\x'");
        assertThat(SalesforceFields.soqlLiteral("a\nb")).isEqualTo("'a\\nb'");
    }

    private static CrmRecordUpsert deal(String status, String amount, SyncMode mode, Map<String, String> overrides) {
        Map<String, String> fields = new HashMap<>(Map.of("orderRef", "globex-bc:1001", "name", "Order #1001",
                "amount", amount, "currency", "EUR", "status", status));
        fields.putAll(overrides);
        return command(CrmRecordUpsert.DEAL, "globex-bc:1001", fields, mode);
    }

    private static CrmRecordUpsert command(String type, String key, Map<String, String> fields, SyncMode mode) {
        return new CrmRecordUpsert("cmd-" + key, "globex", type, key, fields, List.of(), mode, null, UPDATED);
    }

    private static String wireName(OrderStatus status) {
        try {
            JsonProperty property = OrderStatus.class.getField(status.name()).getAnnotation(JsonProperty.class);
            return property != null ? property.value() : status.name().toLowerCase(java.util.Locale.ROOT);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
