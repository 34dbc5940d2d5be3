package io.crmsync.writer.service.salesforce;

import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.writer.client.SalesforceWire;
import io.crmsync.writer.service.UpsertOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a Collections upsert answer (one result per record, in order) is read back onto the commands. */
class SalesforceAdapterOutcomeTest {

    @Test
    void matchesResultsToCommandsByPosition() {
        List<CrmRecordUpsert> commands = List.of(contact("gr-1"), contact("gr-2"), contact("gr-3"));
        List<SalesforceWire.SaveResult> results = List.of(
                new SalesforceWire.SaveResult("003Sb0000000000001", true, List.of(), true),
                new SalesforceWire.SaveResult(null, false, List.of(
                        new SalesforceWire.Error("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]",
                                List.of("LastName")),
                        new SalesforceWire.Error("INVALID_EMAIL_ADDRESS", "Email: invalid email address: x", List.of("Email"))),
                        null),
                new SalesforceWire.SaveResult("003Sb0000000000002", true, List.of(), false));

        UpsertOutcome outcome = SalesforceAdapter.outcome(commands, results);

        assertThat(outcome.written()).containsOnly(
                Map.entry("gr-1", new UpsertOutcome.UpsertedRecord("003Sb0000000000001", true)),
                Map.entry("gr-3", new UpsertOutcome.UpsertedRecord("003Sb0000000000002", false)));
        assertThat(outcome.rejected()).containsOnly(Map.entry("gr-2", "REQUIRED_FIELD_MISSING: Required fields are "
                + "missing: [LastName]; INVALID_EMAIL_ADDRESS: Email: invalid email address: x"));
    }

    @Test
    void aRecordSalesforceSaysNothingAboutIsNotTakenAsWritten() {
        UpsertOutcome outcome = SalesforceAdapter.outcome(List.of(contact("gr-1"), contact("gr-2")),
                List.of(new SalesforceWire.SaveResult("003Sb0000000000001", true, null, true)));

        assertThat(outcome.written()).containsOnlyKeys("gr-1");
        assertThat(outcome.rejected()).containsOnlyKeys("gr-2");
    }

    private static CrmRecordUpsert contact(String key) {
        return new CrmRecordUpsert("cmd-" + key, "globex", CrmRecordUpsert.CONTACT, key, Map.of("email", key + "@example.com"),
                List.of(), SyncMode.LIVE, null, null);
    }
}
