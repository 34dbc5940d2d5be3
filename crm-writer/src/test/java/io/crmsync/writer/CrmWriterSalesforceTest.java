package io.crmsync.writer;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.testkit.TestTenants;
import io.crmsync.testkit.TopicProbe;
import io.crmsync.writer.control.TenantStates;
import io.crmsync.writer.repository.WriteAuditRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.crmsync.writer.SalesforceTestSupport.GLOBEX;
import static io.crmsync.writer.SalesforceTestSupport.SOAP;
import static io.crmsync.writer.SalesforceTestSupport.company;
import static io.crmsync.writer.SalesforceTestSupport.contact;
import static io.crmsync.writer.SalesforceTestSupport.deal;
import static io.crmsync.writer.SalesforceTestSupport.globexAutomations;
import static io.crmsync.writer.SalesforceTestSupport.globexFault;
import static io.crmsync.writer.SalesforceTestSupport.globexRequestsTo;
import static io.crmsync.writer.SalesforceTestSupport.globexRequestsWithStatus;
import static io.crmsync.writer.SalesforceTestSupport.merge;
import static io.crmsync.writer.SalesforceTestSupport.mergeBehindTheWritersBack;
import static io.crmsync.writer.SalesforceTestSupport.sObjectWith;
import static io.crmsync.writer.SalesforceTestSupport.sObjectsWith;
import static io.crmsync.writer.SalesforceTestSupport.to;
import static io.crmsync.writer.WriterTestSupport.bootstrapServers;
import static io.crmsync.writer.WriterTestSupport.send;
import static io.crmsync.writer.WriterTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Tenant globex (Salesforce, sandbox account globex): commands on the real broker, written by the
 * writer to the real CRM sandbox through sObject Collections, SOQL and the SOAP API's merge.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "crm-sandbox"))
class CrmWriterSalesforceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    WriteAuditRepository audit;

    @Inject
    TenantStates states;

    @AfterEach
    void clearFault() {
        globexFault("none");
        if (states.paused(TestTenants.GLOBEX)) {
            states.resume(TestTenants.GLOBEX, "test cleanup", "test");
        }
    }

    @Test
    void accountsContactsAndOpportunitiesAreWrittenByTheirKeysAndLinkedByLookups() {
        String companyKey = "co-" + unique();
        String contactKey = "gr-" + unique();
        int automations = globexAutomations();
        send(company(companyKey, "Müller & Söhne KG"));
        send(contact(contactKey, Map.of("email", contactKey + "@example.com", "firstName", "Zoë", "lastName", "O'Brien",
                "phone", "+493012345678", "additionalEmails", contactKey + "@old.example;" + contactKey + "@work.example",
                "company", "Müller & Söhne KG"), to(CrmRecordUpsert.COMPANY, companyKey)));
        // More digits than a double holds: only an exact decimal survives the trip.
        CrmRecordUpsert deal = deal(SyncMode.LIVE, "12345678901234567.89", to(CrmRecordUpsert.CONTACT, contactKey),
                to(CrmRecordUpsert.COMPANY, companyKey));
        send(deal);

        Map<String, Object> account = await().atMost(WAIT)
                .until(() -> sObjectWith("Account", "CrmSync_Key__c", companyKey), Optional::isPresent).get();
        assertThat(account).containsEntry("Name", "Müller & Söhne KG").containsEntry("Website", companyKey + ".example")
                .containsEntry("BillingCity", "Berlin").containsEntry("BillingCountryCode", "DE");
        Map<String, Object> contact = await().atMost(WAIT).until(() -> sObjectWith("Contact", "CrmSync_Key__c", contactKey),
                c -> c.isPresent() && account.get("Id").equals(c.get().get("AccountId"))).get();
        assertThat(contact).containsEntry("Email", contactKey + "@example.com").containsEntry("FirstName", "Zoë")
                .containsEntry("LastName", "O'Brien").containsEntry("Phone", "+493012345678")
                .containsEntry("CrmSync_Additional_Emails__c", contactKey + "@old.example;" + contactKey + "@work.example")
                .doesNotContainKey("Company");
        Map<String, Object> opportunity = await().atMost(WAIT)
                .until(() -> sObjectWith("Opportunity", "CrmSync_Order_Ref__c", deal.recordKey()),
                        o -> o.isPresent() && contact.get("Id").equals(o.get().get("ContactId"))
                                && account.get("Id").equals(o.get().get("AccountId"))).get();
        assertThat(opportunity).containsEntry("Name", deal.fields().get("name")).containsEntry("CurrencyIsoCode", "EUR")
                .containsEntry("StageName", "Closed Won").containsEntry("CloseDate", "2026-02-27")
                .containsEntry("CrmSync_Sync_Mode__c", "live");
        assertThat(opportunity.get("Amount")).isEqualTo(new BigDecimal("12345678901234567.89"));
        assertThat(globexAutomations()).isEqualTo(automations + 1);

        // An update by the same key changes that contact: still one, same Id.
        send(contact(contactKey, Map.of("email", contactKey + "@new.example", "firstName", "Zoe")));
        await().atMost(WAIT).until(() -> sObjectWith("Contact", "CrmSync_Key__c", contactKey)
                .map(c -> "Zoe".equals(c.get("FirstName"))).orElse(false));
        assertThat(sObjectsWith("Contact", "CrmSync_Key__c", contactKey)).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("Id", contact.get("Id")).containsEntry("Email", contactKey + "@new.example")
                .containsEntry("LastName", "O'Brien"));

        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("crmsync_crm_api_calls_total{endpoint=\"PATCH /services/data/v60.0/composite/sobjects/"
                        + "Contact/CrmSync_Key__c\",status=\"200\",tenant=\"globex\"}")
                .contains("crmsync_crm_api_calls_total{endpoint=\"PATCH /services/data/v60.0/composite/sobjects\","
                        + "status=\"200\",tenant=\"globex\"}")
                .contains("crmsync_crm_writes_total{object_type=\"deal\",outcome=\"created\",tenant=\"globex\"}");
        // Sforce-Limit-Info read from every answer: the last reading is within what the sandbox counted.
        assertThat(gauge(metrics, "crmsync_crm_api_daily_limit")).isEqualTo(100_000);
        assertThat(gauge(metrics, "crmsync_crm_api_daily_used")).isPositive()
                .isLessThanOrEqualTo(WriterTestSupport.stats().getLong("accounts.globex.requests.total"));
    }

    @Test
    void aBackfilledOpportunityFiresNoAutomationWhileALiveOneDoes() {
        int before = globexAutomations();
        CrmRecordUpsert backfill = deal(SyncMode.BACKFILL, "10.00");
        send(backfill);
        Map<String, Object> written = await().atMost(WAIT)
                .until(() -> sObjectWith("Opportunity", "CrmSync_Order_Ref__c", backfill.recordKey()), Optional::isPresent)
                .get();
        assertThat(written).containsEntry("CrmSync_Sync_Mode__c", "backfill");
        assertThat(globexAutomations()).isEqualTo(before);

        CrmRecordUpsert live = deal(SyncMode.LIVE, "10.00");
        send(live);
        await().atMost(WAIT).until(() -> sObjectWith("Opportunity", "CrmSync_Order_Ref__c", live.recordKey()).isPresent());
        assertThat(globexAutomations()).isEqualTo(before + 1);
    }

    @Test
    void anOpportunityArrivingBeforeItsContactGetsItOnceTheContactIsWritten() {
        String contactKey = "gr-" + unique();
        CrmRecordUpsert deal = deal(SyncMode.LIVE, "99.90", to(CrmRecordUpsert.CONTACT, contactKey));
        send(deal);
        await().atMost(WAIT).until(() -> sObjectWith("Opportunity", "CrmSync_Order_Ref__c", deal.recordKey()).isPresent());
        await().atMost(WAIT).until(() -> auditOutcomes(deal.commandId()).contains("pending"));
        assertThat(sObjectWith("Opportunity", "CrmSync_Order_Ref__c", deal.recordKey()).orElseThrow())
                .doesNotContainKey("ContactId");

        send(contact(contactKey, "Late"));

        String contactId = (String) await().atMost(WAIT)
                .until(() -> sObjectWith("Contact", "CrmSync_Key__c", contactKey), Optional::isPresent).get().get("Id");
        await().atMost(WAIT).until(() -> contactId.equals(
                sObjectWith("Opportunity", "CrmSync_Order_Ref__c", deal.recordKey()).orElseThrow().get("ContactId")));
    }

    @Test
    void aRecordSalesforceRefusesGoesAloneToTheDlqAsValidation() {
        try (TopicProbe dlq = TopicProbe.open(bootstrapServers(), Topics.dlq(Topics.CRM_RECORD_UPSERT))) {
            String first = "gr-" + unique();
            String nameless = "gr-" + unique();
            String last = "gr-" + unique();
            CrmRecordUpsert refused = contact(nameless, Map.of("email", nameless + "@example.com", "firstName", "No"));
            send(contact(first, "First"));
            send(refused);
            send(contact(last, "Last"));

            TopicProbe.Received dead = await().atMost(WAIT).until(() -> dlq.poll(Duration.ofMillis(200)).stream()
                    .filter(r -> refused.kafkaKey().equals(r.key())).findFirst(), Optional::isPresent).get();
            assertThat(dead.headers()).containsEntry(CloudEventHeaders.DLQ_ERROR_CLASS, "validation")
                    .containsEntry(CloudEventHeaders.TENANT, GLOBEX);
            assertThat(dead.headers().get(CloudEventHeaders.DLQ_ERROR_MESSAGE)).startsWith("REQUIRED_FIELD_MISSING");
            await().atMost(WAIT).until(() -> sObjectWith("Contact", "CrmSync_Key__c", first).isPresent()
                    && sObjectWith("Contact", "CrmSync_Key__c", last).isPresent());
            assertThat(sObjectWith("Contact", "CrmSync_Key__c", nameless)).isEmpty();
            assertThat(dlq.poll(Duration.ofMillis(500))).extracting(TopicProbe.Received::key)
                    .containsOnlyOnce(refused.kafkaKey())
                    .doesNotContain(GLOBEX + "/contact/" + first, GLOBEX + "/contact/" + last);
        }
    }

    @Test
    void mergingTwoContactsLeavesOneHoldingTheOpportunitiesOfBothAndAReplayCallsNothing() {
        String keep = "gr-" + unique();
        String gone = "gr-" + unique();
        send(contact(keep, "Keep"));
        send(contact(gone, "Gone"));
        String keepId = awaitId("Contact", "CrmSync_Key__c", keep);
        String goneId = awaitId("Contact", "CrmSync_Key__c", gone);
        CrmRecordUpsert keepDeal = deal(SyncMode.LIVE, "1.00", to(CrmRecordUpsert.CONTACT, keep));
        CrmRecordUpsert goneDeal = deal(SyncMode.LIVE, "2.00", to(CrmRecordUpsert.CONTACT, gone));
        send(keepDeal);
        send(goneDeal);
        awaitContactOf(goneDeal, goneId);
        awaitContactOf(keepDeal, keepId);
        int soapCalls = globexRequestsTo(SOAP);

        CrmRecordMerge merge = merge(CrmRecordUpsert.CONTACT, keep, gone);
        send(merge);

        await().atMost(WAIT).until(() -> auditOutcomes(merge.commandId()).contains("merged"));
        assertThat(globexRequestsTo(SOAP)).isEqualTo(soapCalls + 1);
        assertThat(sObjectsWith("Contact", "CrmSync_Key__c", gone)).isEmpty();
        assertThat(sObjectsWith("Contact", "CrmSync_Key__c", keep)).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("Id", keepId).containsEntry("FirstName", "Keep"));
        assertThat(List.of(keepDeal, goneDeal)).extracting(d -> sObjectWith("Opportunity", "CrmSync_Order_Ref__c",
                d.recordKey()).orElseThrow().get("ContactId")).containsExactly(keepId, keepId);
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                audit.list("commandId = ?1 and operation = 'merge'", merge.commandId())))
                .extracting(a -> a.recordKey, a -> a.survivingKey, a -> a.crmId, a -> a.outcome)
                .containsExactly(tuple(gone, keep, keepId, "merged"));

        send(merge);

        await().atMost(WAIT).until(() -> auditOutcomes(merge.commandId()).contains("replayed"));
        assertThat(globexRequestsTo(SOAP)).isEqualTo(soapCalls + 1);
        // The merged key is an alias now: its late upsert updates the survivor instead of creating a contact.
        send(contact(gone, "Again"));
        await().atMost(WAIT).until(() -> sObjectWith("Contact", "CrmSync_Key__c", keep)
                .map(c -> "Again".equals(c.get("FirstName"))).orElse(false));
        assertThat(sObjectsWith("Contact", "CrmSync_Key__c", gone)).isEmpty();
    }

    @Test
    void aMergeWhoseAnswerWasLostCountsAsDoneWhenTheSurvivorExists() {
        String keep = "co-" + unique();
        String gone = "co-" + unique();
        send(company(keep, "Globex"));
        send(company(gone, "Globex Corp"));
        String keepId = awaitId("Account", "CrmSync_Key__c", keep);
        String goneId = awaitId("Account", "CrmSync_Key__c", gone);
        // Salesforce merged them, but the writer never heard: its record map still holds both ids.
        mergeBehindTheWritersBack("Account", keepId, goneId);
        int soapCalls = globexRequestsTo(SOAP);

        CrmRecordMerge merge = merge(CrmRecordUpsert.COMPANY, keep, gone);
        send(merge);

        await().atMost(WAIT).until(() -> auditOutcomes(merge.commandId()).contains("merged"));
        assertThat(auditOutcomes(merge.commandId())).doesNotContain("failed", "dead-lettered");
        assertThat(globexRequestsTo(SOAP)).isEqualTo(soapCalls + 1);
        assertThat(globexRequestsTo("GET /services/data/v60.0/sobjects/Account/{id}")).isPositive();
    }

    @Test
    void aSpentApiBudgetIsWaitedOutAndAnExpiredSessionPausesTheTenantUntilItIsResumed() {
        int limitedBefore = globexRequestsWithStatus(403);
        globexFault("rate-limit", "\"requests\":0", "\"perSeconds\":1");
        String patient = "gr-" + unique();
        send(contact(patient, "Patient"));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> globexRequestsWithStatus(403) > limitedBefore);
        globexFault("none");
        await().atMost(WAIT).until(() -> sObjectWith("Contact", "CrmSync_Key__c", patient).isPresent());

        globexFault("auth");
        String locked = "gr-" + unique();
        send(contact(locked, "Locked"));
        await().atMost(WAIT).until(() -> states.paused(TestTenants.GLOBEX));
        assertThat(states.state(TestTenants.GLOBEX).orElseThrow().reason()).isEqualTo("auth");
        globexFault("none");
        states.resume(TestTenants.GLOBEX, "session renewed", "test");
        await().atMost(WAIT).until(() -> sObjectWith("Contact", "CrmSync_Key__c", locked).isPresent());
    }

    private static String awaitId(String sObject, String field, String value) {
        return (String) await().atMost(WAIT).until(() -> sObjectWith(sObject, field, value), Optional::isPresent)
                .get().get("Id");
    }

    private static void awaitContactOf(CrmRecordUpsert deal, String contactId) {
        await().atMost(WAIT).until(() -> sObjectWith("Opportunity", "CrmSync_Order_Ref__c", deal.recordKey())
                .map(o -> contactId.equals(o.get("ContactId"))).orElse(false));
    }

    private List<String> auditOutcomes(String commandId) {
        return QuarkusTransaction.requiringNew().call(() ->
                audit.list("commandId = ?1 order by id", commandId).stream().map(a -> a.outcome).toList());
    }

    private static long gauge(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{tenant=\"globex\"} ([0-9.E+]+)$").matcher(metrics);
        assertThat(matcher.find()).as(name + " for globex").isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }
}
