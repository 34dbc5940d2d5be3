package io.crmsync.writer.service;

import io.crmsync.contract.command.AssociationRef;
import io.crmsync.contract.command.CrmRecordMerge;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.command.SyncMode;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CommandBatcherTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T10:05:00Z");

    @Test
    void coalescesCommandsForOneRecordAsIfWrittenInOrder() {
        IncomingCommand first = incoming(0, new CrmRecordUpsert("c1", "acme", CrmRecordUpsert.CONTACT, "gr-1",
                Map.of("email", "zoe@example.com", "firstName", "Zoe"),
                List.of(new AssociationRef(CrmRecordUpsert.COMPANY, "co-1")), SyncMode.BACKFILL, null, T1));
        IncomingCommand second = incoming(1, new CrmRecordUpsert("c2", "acme", CrmRecordUpsert.CONTACT, "gr-1",
                Map.of("email", "zoe@new.example.com", "lastName", "Müller"),
                List.of(new AssociationRef(CrmRecordUpsert.COMPANY, "co-2")), SyncMode.LIVE, null, T2));

        List<WriteGroup> groups = CommandBatcher.plan(List.of(first, second), 100);

        assertThat(groups).singleElement().satisfies(group -> {
            assertThat(group.commands()).singleElement().satisfies(merged -> {
                assertThat(merged.sources()).containsExactly(first, second);
                assertThat(merged.newest()).isSameAs(second);
                CrmRecordUpsert command = merged.command();
                assertThat(command.commandId()).isEqualTo("c2");
                assertThat(command.fields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "email", "zoe@new.example.com", "firstName", "Zoe", "lastName", "Müller"));
                assertThat(command.associations()).containsExactly(
                        new AssociationRef(CrmRecordUpsert.COMPANY, "co-1"), new AssociationRef(CrmRecordUpsert.COMPANY, "co-2"));
                assertThat(command.syncMode()).isEqualTo(SyncMode.LIVE);
                assertThat(command.sourceUpdatedAt()).isEqualTo(T2);
            });
        });
    }

    @Test
    void writesCompaniesThenContactsThenDealsPerTenant() {
        List<IncomingCommand> commands = List.of(
                incoming(0, command("acme", CrmRecordUpsert.DEAL, "acme-shopify:1")),
                incoming(1, command("globex", CrmRecordUpsert.CONTACT, "gr-9")),
                incoming(2, command("acme", CrmRecordUpsert.CONTACT, "gr-1")),
                incoming(3, command("acme", CrmRecordUpsert.COMPANY, "co-1")),
                incoming(4, command("acme", CrmRecordUpsert.CONTACT, "gr-2")));

        List<WriteGroup> groups = CommandBatcher.plan(commands, 100);

        assertThat(groups).extracting(WriteGroup::tenant, WriteGroup::crmObjectType, g -> g.commands().size())
                .containsExactly(
                        tuple("acme", CrmRecordUpsert.COMPANY, 1),
                        tuple("acme", CrmRecordUpsert.CONTACT, 2),
                        tuple("acme", CrmRecordUpsert.DEAL, 1),
                        tuple("globex", CrmRecordUpsert.CONTACT, 1));
    }

    @Test
    void splitsGroupsAtTheBatchLimit() {
        List<IncomingCommand> commands = new ArrayList<>();
        for (int i = 0; i < 205; i++) {
            commands.add(incoming(i, command("acme", CrmRecordUpsert.CONTACT, "gr-" + i)));
        }

        List<WriteGroup> groups = CommandBatcher.plan(commands, 100);

        assertThat(groups).extracting(g -> g.commands().size()).containsExactly(100, 100, 5);
        assertThat(groups.get(2).commands()).extracting(CoalescedCommand::recordKey)
                .containsExactly("gr-200", "gr-201", "gr-202", "gr-203", "gr-204");
    }

    @Test
    void keepsTheSameKeyInDifferentTenantsApart() {
        List<WriteGroup> groups = CommandBatcher.plan(List.of(
                incoming(0, command("acme", CrmRecordUpsert.CONTACT, "gr-1")),
                incoming(1, command("globex", CrmRecordUpsert.CONTACT, "gr-1"))), 100);

        assertThat(groups).hasSize(2).allSatisfy(g -> assertThat(g.commands()).hasSize(1));
    }

    @Test
    void aMergeIsABarrierForItsMergedKeyOnly() {
        IncomingCommand beforeMerged = incoming(0, command("acme", CrmRecordUpsert.CONTACT, "gr-old"));
        IncomingCommand unrelated = incoming(1, command("acme", CrmRecordUpsert.CONTACT, "gr-other"));
        IncomingMerge merge = merge(2, "gr-keep", "gr-old");
        IncomingCommand afterMerged = incoming(3, command("acme", CrmRecordUpsert.CONTACT, "gr-old"));
        IncomingCommand survivor = incoming(4, command("acme", CrmRecordUpsert.CONTACT, "gr-keep"));
        IncomingCommand unrelatedLater = incoming(5, command("acme", CrmRecordUpsert.CONTACT, "gr-later"));

        List<BatchPhase> phases = CommandBatcher.phases(
                List.of(beforeMerged, unrelated, afterMerged, survivor, unrelatedLater), List.of(merge));

        assertThat(phases).hasSize(2);
        assertThat(phases.get(0).upserts()).containsExactly(beforeMerged, unrelated, survivor, unrelatedLater);
        assertThat(phases.get(0).merges()).containsExactly(merge);
        assertThat(phases.get(1).upserts()).containsExactly(afterMerged);
        assertThat(phases.get(1).merges()).isEmpty();
    }

    @Test
    void twoMergesOfOneKeyRunInTurnWithTheUpsertsBetweenThem() {
        IncomingMerge first = merge(0, "gr-a", "gr-x");
        IncomingCommand between = incoming(1, command("acme", CrmRecordUpsert.CONTACT, "gr-x"));
        IncomingMerge second = merge(2, "gr-b", "gr-x");
        IncomingMerge elsewhere = merge(3, "gr-c", "gr-y");

        List<BatchPhase> phases = CommandBatcher.phases(List.of(between), List.of(second, first, elsewhere));

        assertThat(phases).extracting(BatchPhase::upserts, BatchPhase::merges).containsExactly(
                tuple(List.of(), List.of(first, elsewhere)),
                tuple(List.of(between), List.of(second)));
    }

    @Test
    void withoutMergesTheBatchIsOnePhase() {
        IncomingCommand only = incoming(0, command("acme", CrmRecordUpsert.CONTACT, "gr-1"));

        assertThat(CommandBatcher.phases(List.of(only), List.of()))
                .singleElement().extracting(BatchPhase::upserts).isEqualTo(List.of(only));
    }

    private static IncomingMerge merge(int index, String survivingKey, String mergedKey) {
        return new IncomingMerge(index, new CrmRecordMerge("merge-" + index, "acme", CrmRecordUpsert.CONTACT,
                survivingKey, mergedKey, "m-" + index, "same-email"), Context.root(), 1);
    }

    private static CrmRecordUpsert command(String tenant, String type, String key) {
        Map<String, String> fields = CrmRecordUpsert.DEAL.equals(type)
                ? Map.of("orderRef", key, "name", "#1", "amount", "1.00", "currency", "EUR", "status", "paid")
                : Map.of();
        return new CrmRecordUpsert("cmd-" + key, tenant, type, key, fields, List.of(), SyncMode.LIVE, null, T1);
    }

    private static IncomingCommand incoming(int index, CrmRecordUpsert command) {
        return new IncomingCommand(index, command, Context.root(), 1);
    }
}
