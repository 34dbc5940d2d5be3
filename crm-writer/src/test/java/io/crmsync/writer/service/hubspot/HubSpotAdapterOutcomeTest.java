package io.crmsync.writer.service.hubspot;

import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.crmsync.writer.client.HubSpotWire;
import io.crmsync.writer.service.UpsertOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a HubSpot batch answer (200 or 207) is read back onto the commands. */
class HubSpotAdapterOutcomeTest {

    @Test
    void matchesResultsByTheirKeyAndErrorsByTheirWriteTraceId() {
        List<CrmRecordUpsert> commands = List.of(contact("gr-1"), contact("gr-2"), contact("gr-3"));
        HubSpotWire.BatchResult answer = new HubSpotWire.BatchResult("COMPLETE",
                List.of(new HubSpotWire.ResultObject("101", Map.of("crmsync_contact_key", "gr-1"), true),
                        new HubSpotWire.ResultObject("102", Map.of("crmsync_contact_key", "gr-3"), false)),
                List.of(new HubSpotWire.BatchError("error", "VALIDATION_ERROR", "Property values were not valid",
                        Map.of("objectWriteTraceId", List.of("gr-2")))));

        UpsertOutcome outcome = HubSpotAdapter.outcome(commands, "crmsync_contact_key", answer);

        assertThat(outcome.written()).containsOnlyKeys("gr-1", "gr-3");
        assertThat(outcome.written().get("gr-1")).isEqualTo(new UpsertOutcome.UpsertedRecord("101", true));
        assertThat(outcome.written().get("gr-3")).isEqualTo(new UpsertOutcome.UpsertedRecord("102", false));
        assertThat(outcome.rejected()).containsOnlyKeys("gr-2");
        assertThat(outcome.rejected().get("gr-2")).startsWith("VALIDATION_ERROR");
    }

    @Test
    void anInputHubSpotSaysNothingAboutIsNotTakenAsWritten() {
        List<CrmRecordUpsert> commands = List.of(contact("gr-1"), contact("gr-2"));
        HubSpotWire.BatchResult answer = new HubSpotWire.BatchResult("COMPLETE",
                List.of(new HubSpotWire.ResultObject("101", Map.of("crmsync_contact_key", "gr-1"), true)), null);

        UpsertOutcome outcome = HubSpotAdapter.outcome(commands, "crmsync_contact_key", answer);

        assertThat(outcome.written()).containsOnlyKeys("gr-1");
        assertThat(outcome.rejected()).containsOnlyKeys("gr-2");
    }

    private static CrmRecordUpsert contact(String key) {
        return new CrmRecordUpsert("cmd-" + key, "acme", CrmRecordUpsert.CONTACT, key, Map.of("email", key + "@example.com"),
                List.of(), SyncMode.LIVE, null, null);
    }
}
