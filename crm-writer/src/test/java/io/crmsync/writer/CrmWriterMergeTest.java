package io.crmsync.writer;

import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.testkit.CrmSyncTestResource;
import io.crmsync.writer.repository.WriteAuditRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.crmsync.writer.WriterTestSupport.associations;
import static io.crmsync.writer.WriterTestSupport.company;
import static io.crmsync.writer.WriterTestSupport.contact;
import static io.crmsync.writer.WriterTestSupport.crmGet;
import static io.crmsync.writer.WriterTestSupport.deal;
import static io.crmsync.writer.WriterTestSupport.merge;
import static io.crmsync.writer.WriterTestSupport.objectWith;
import static io.crmsync.writer.WriterTestSupport.objectsWith;
import static io.crmsync.writer.WriterTestSupport.properties;
import static io.crmsync.writer.WriterTestSupport.requestsTo;
import static io.crmsync.writer.WriterTestSupport.send;
import static io.crmsync.writer.WriterTestSupport.unique;
import static io.crmsync.writer.WriterTestSupport.withAssociations;
import static io.crmsync.writer.WriterTestSupport.withFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Merge commands, companies and additional e-mails, from the real broker to the real CRM sandbox
 * (account acme), observed in the sandbox and in {@code write_audit}.
 */
@QuarkusTest
@WithTestResource(value = CrmSyncTestResource.class, initArgs = @ResourceArg(name = "apps", value = "crm-sandbox"))
class CrmWriterMergeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONTACT_MERGE = "POST /crm/v3/objects/contacts/merge";

    @Inject
    WriteAuditRepository audit;

    @Test
    void mergingTwoExistingContactsLeavesOneHoldingTheDealsOfBoth() {
        String keep = "gr-" + unique();
        String gone = "gr-" + unique();
        Pair pair = twoContactsWithADealEach(keep, gone);

        CrmRecordMerge merge = merge(CrmRecordUpsert.CONTACT, keep, gone);
        send(merge);

        await().atMost(WAIT).until(() -> mergeOutcomes(merge.commandId()).contains("merged"));
        assertThat(objectsWith("contacts", "crmsync_contact_key", gone)).isEmpty();
        Map<String, Object> survivor = objectWith("contacts", "crmsync_contact_key", keep).orElseThrow();
        assertThat(survivor.get("id")).isEqualTo(pair.keepId());
        assertThat(associations(survivor, "deals")).containsExactlyInAnyOrder(pair.keepDealId(), pair.goneDealId());
        assertThat(properties(survivor)).containsEntry("hs_additional_emails", gone + "@example.com");
        assertThat(crmGet("contacts", pair.goneId()).getString("id")).isEqualTo(pair.keepId());
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                audit.list("commandId = ?1 and operation = 'merge'", merge.commandId())))
                .extracting(a -> a.recordKey, a -> a.survivingKey, a -> a.crmId, a -> a.outcome, a -> a.attempt)
                .containsExactly(tuple(gone, keep, pair.keepId(), "merged", 1));

        // HubSpot drops the merged record's own key: without the alias this would create it again.
        send(contact(gone, gone + "@example.com", "Again"));
        await().atMost(WAIT).until(() -> "Again".equals(
                properties(objectWith("contacts", "crmsync_contact_key", keep).orElseThrow()).get("firstname")));
        assertThat(objectsWith("contacts", "crmsync_contact_key", gone)).isEmpty();
    }

    @Test
    void aReplayedMergeChangesNothing() {
        String keep = "gr-" + unique();
        String gone = "gr-" + unique();
        Pair pair = twoContactsWithADealEach(keep, gone);
        CrmRecordMerge merge = merge(CrmRecordUpsert.CONTACT, keep, gone);
        send(merge);
        await().atMost(WAIT).until(() -> mergeOutcomes(merge.commandId()).contains("merged"));
        int mergeCalls = requestsTo(CONTACT_MERGE);

        send(merge);

        await().atMost(WAIT).until(() -> mergeOutcomes(merge.commandId()).contains("replayed"));
        assertThat(mergeOutcomes(merge.commandId())).containsExactly("merged", "replayed");
        assertThat(requestsTo(CONTACT_MERGE)).isEqualTo(mergeCalls);
        assertThat(objectsWith("contacts", "crmsync_contact_key", keep)).singleElement()
                .satisfies(c -> assertThat(c.get("id")).isEqualTo(pair.keepId()));
    }

    @Test
    void aSurvivorTheCrmHasNotSeenAdoptsTheMergedContact() {
        String gone = "gr-" + unique();
        String keep = "gr-" + unique();
        send(contact(gone, gone + "@example.com", "Early"));
        String goneId = awaitId("contacts", "crmsync_contact_key", gone);
        int mergeCalls = requestsTo(CONTACT_MERGE);

        CrmRecordMerge merge = merge(CrmRecordUpsert.CONTACT, keep, gone);
        send(merge);

        await().atMost(WAIT).until(() -> mergeOutcomes(merge.commandId()).contains("adopted"));
        assertThat(requestsTo(CONTACT_MERGE)).isEqualTo(mergeCalls);
        assertThat(objectsWith("contacts", "crmsync_contact_key", gone)).isEmpty();
        assertThat(objectWith("contacts", "crmsync_contact_key", keep).orElseThrow().get("id")).isEqualTo(goneId);

        send(contact(keep, keep + "@example.com", "Survivor"));

        await().atMost(WAIT).until(() -> objectWith("contacts", "crmsync_contact_key", keep)
                .map(c -> "Survivor".equals(properties(c).get("firstname"))).orElse(false));
        assertThat(objectsWith("contacts", "crmsync_contact_key", keep)).singleElement()
                .satisfies(c -> assertThat(c.get("id")).isEqualTo(goneId));
    }

    @Test
    void afterAMergeOfContactsNeverWrittenALateUpsertForTheMergedKeyLandsOnTheSurvivor() {
        String keep = "gr-" + unique();
        String gone = "gr-" + unique();
        CrmRecordMerge merge = merge(CrmRecordUpsert.CONTACT, keep, gone);
        send(merge);
        await().atMost(WAIT).until(() -> mergeOutcomes(merge.commandId()).contains("aliased"));

        send(contact(gone, gone + "@example.com", "Late"));
        CrmRecordUpsert deal = deal(SyncMode.LIVE, gone);
        send(deal);

        String survivorId = awaitId("contacts", "crmsync_contact_key", keep);
        assertThat(properties(objectWith("contacts", "crmsync_contact_key", keep).orElseThrow()))
                .containsEntry("email", gone + "@example.com").containsEntry("firstname", "Late");
        await().atMost(WAIT).until(() -> objectWith("deals", "crmsync_order_ref", deal.recordKey())
                .map(d -> associations(d, "contacts")).orElse(List.of()), ids -> ids.equals(List.of(survivorId)));
        assertThat(objectsWith("contacts", "crmsync_contact_key", gone)).isEmpty();
        assertThat(objectsWith("contacts", "email", gone + "@example.com")).hasSize(1);
    }

    @Test
    void aSurvivorMergedInTurnTakesItsAliasesAlong() {
        String first = "gr-" + unique();
        String second = "gr-" + unique();
        String last = "gr-" + unique();
        CrmRecordMerge firstIntoSecond = merge(CrmRecordUpsert.CONTACT, second, first);
        CrmRecordMerge secondIntoLast = merge(CrmRecordUpsert.CONTACT, last, second);
        send(firstIntoSecond);
        await().atMost(WAIT).until(() -> mergeOutcomes(firstIntoSecond.commandId()).contains("aliased"));
        send(secondIntoLast);
        await().atMost(WAIT).until(() -> mergeOutcomes(secondIntoLast.commandId()).contains("aliased"));

        send(contact(first, first + "@example.com", "Oldest"));

        await().atMost(WAIT).until(() -> objectWith("contacts", "crmsync_contact_key", last)
                .map(c -> "Oldest".equals(properties(c).get("firstname"))).orElse(false));
        assertThat(objectsWith("contacts", "crmsync_contact_key", first)).isEmpty();
        assertThat(objectsWith("contacts", "crmsync_contact_key", second)).isEmpty();
        // Replaying the first merge finds both keys naming one record now.
        send(firstIntoSecond);
        await().atMost(WAIT).until(() -> mergeOutcomes(firstIntoSecond.commandId()).contains("replayed"));
    }

    @Test
    void aDealWaitingForTheMergedContactIsAssociatedWithTheSurvivor() {
        String keep = "gr-" + unique();
        String gone = "gr-" + unique();
        CrmRecordUpsert deal = deal(SyncMode.LIVE, gone);
        send(deal);
        await().atMost(WAIT).until(() -> objectWith("deals", "crmsync_order_ref", deal.recordKey()).isPresent());
        send(contact(keep, keep + "@example.com", "Keep"));
        String keepId = awaitId("contacts", "crmsync_contact_key", keep);

        CrmRecordMerge merge = merge(CrmRecordUpsert.CONTACT, keep, gone);
        send(merge);

        await().atMost(WAIT).until(() -> mergeOutcomes(merge.commandId()).contains("aliased"));
        await().atMost(WAIT).until(() -> objectWith("deals", "crmsync_order_ref", deal.recordKey())
                .map(d -> associations(d, "contacts")).orElse(List.of()), ids -> ids.equals(List.of(keepId)));
        assertThat(mergeOutcomes(merge.commandId())).containsExactly("aliased");
        assertThat(objectsWith("contacts", "crmsync_contact_key", gone)).isEmpty();
    }

    @Test
    void upsertsBeforeAMergeAreWrittenFirstAndThoseAfterItGoToTheSurvivor() {
        String keep = "gr-" + unique();
        String gone = "gr-" + unique();
        CrmRecordMerge merge = merge(CrmRecordUpsert.CONTACT, keep, gone);
        // One partition, in this order: the merge must see the first upsert written (and adopt
        // its contact), the second must update the survivor.
        send(contact(gone, gone + "@example.com", "Before"));
        send(merge);
        send(contact(gone, gone + "@example.com", "After"));

        await().atMost(WAIT).until(() -> objectWith("contacts", "crmsync_contact_key", keep)
                .map(c -> "After".equals(properties(c).get("firstname"))).orElse(false));
        assertThat(mergeOutcomes(merge.commandId())).containsExactly("adopted");
        assertThat(objectsWith("contacts", "crmsync_contact_key", keep)).hasSize(1);
        assertThat(objectsWith("contacts", "crmsync_contact_key", gone)).isEmpty();
    }

    @Test
    void mergingTwoCompaniesLeavesOne() {
        String keep = "co-" + unique();
        String gone = "co-" + unique();
        send(company(keep, "Acme GmbH"));
        send(company(gone, "ACME Gmbh."));
        String keepId = awaitId("companies", "crmsync_company_key", keep);
        String goneId = awaitId("companies", "crmsync_company_key", gone);

        CrmRecordMerge merge = merge(CrmRecordUpsert.COMPANY, keep, gone);
        send(merge);

        await().atMost(WAIT).until(() -> mergeOutcomes(merge.commandId()).contains("merged"));
        assertThat(objectsWith("companies", "crmsync_company_key", gone)).isEmpty();
        assertThat(crmGet("companies", goneId).getString("id")).isEqualTo(keepId);
    }

    @Test
    void companiesAreUpsertedByTheirKeyAndAssociatedWithContactsAndDeals() {
        String companyKey = "co-" + unique();
        String contactKey = "gr-" + unique();
        send(company(companyKey, "Müller & Söhne KG"));
        send(withAssociations(contact(contactKey, contactKey + "@example.com", "Jana"),
                new AssociationRef(CrmRecordUpsert.COMPANY, companyKey)));
        CrmRecordUpsert deal = withAssociations(deal(SyncMode.LIVE),
                new AssociationRef(CrmRecordUpsert.CONTACT, contactKey), new AssociationRef(CrmRecordUpsert.COMPANY, companyKey));
        send(deal);

        String companyId = awaitId("companies", "crmsync_company_key", companyKey);
        String contactId = awaitId("contacts", "crmsync_contact_key", contactKey);
        assertThat(properties(objectWith("companies", "crmsync_company_key", companyKey).orElseThrow()))
                .containsEntry("name", "Müller & Söhne KG").containsEntry("domain", companyKey + ".example")
                .containsEntry("country", "DE");
        await().atMost(WAIT).until(() -> objectWith("deals", "crmsync_order_ref", deal.recordKey())
                .map(d -> associations(d, "companies").equals(List.of(companyId))
                        && associations(d, "contacts").equals(List.of(contactId))).orElse(false));
        await().atMost(WAIT).until(() -> associations(
                objectWith("contacts", "crmsync_contact_key", contactKey).orElseThrow(), "companies").equals(List.of(companyId)));
        assertThat(objectsWith("companies", "crmsync_company_key", companyKey)).hasSize(1);
    }

    @Test
    void additionalEmailsAreWrittenAsHubSpotStoresThem() {
        String key = "gr-" + unique();
        CrmRecordUpsert command = contact(key, key + "@example.com", "Multi");
        send(withFields(command, Map.of("email", key + "@example.com", "firstName", "Multi",
                "additionalEmails", key + "@old.example;" + key + "@work.example")));

        await().atMost(WAIT).until(() -> objectWith("contacts", "crmsync_contact_key", key), Optional::isPresent);
        assertThat(properties(objectWith("contacts", "crmsync_contact_key", key).orElseThrow()))
                .containsEntry("hs_additional_emails", key + "@old.example;" + key + "@work.example");
    }

    /** Two contacts, each with a deal associated, all written; their CRM ids. */
    private static Pair twoContactsWithADealEach(String keep, String gone) {
        send(contact(keep, keep + "@example.com", "Keep"));
        send(contact(gone, gone + "@example.com", "Gone"));
        String keepId = awaitId("contacts", "crmsync_contact_key", keep);
        String goneId = awaitId("contacts", "crmsync_contact_key", gone);
        CrmRecordUpsert keepDeal = deal(SyncMode.LIVE, keep);
        CrmRecordUpsert goneDeal = deal(SyncMode.LIVE, gone);
        send(keepDeal);
        send(goneDeal);
        String keepDealId = awaitAssociatedDeal(keepDeal, keepId);
        String goneDealId = awaitAssociatedDeal(goneDeal, goneId);
        return new Pair(keepId, goneId, keepDealId, goneDealId);
    }

    private static String awaitAssociatedDeal(CrmRecordUpsert deal, String contactId) {
        return (String) await().atMost(WAIT).until(() -> objectWith("deals", "crmsync_order_ref", deal.recordKey()),
                d -> d.isPresent() && associations(d.get(), "contacts").equals(List.of(contactId))).get().get("id");
    }

    private static String awaitId(String hubSpotType, String property, String value) {
        return (String) await().atMost(WAIT).until(() -> objectWith(hubSpotType, property, value), Optional::isPresent)
                .get().get("id");
    }

    private List<String> mergeOutcomes(String commandId) {
        return QuarkusTransaction.requiringNew().call(() ->
                audit.list("commandId = ?1 order by id", commandId).stream().map(a -> a.outcome).toList());
    }

    private record Pair(String keepId, String goneId, String keepDealId, String goneDealId) {
    }
}
