package io.crmsync.reconciler.accounting;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that open and close an object's accounting, without a broker. */
class ObjectStateTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant V1 = Instant.parse("2026-03-01T09:59:00Z");
    private static final Instant V2 = Instant.parse("2026-03-01T10:01:00Z");

    @Test
    void aReceiptOpensAndTheResultOfItsVersionCloses() {
        ObjectState state = ObjectState.firstReceipt(T0, "webhook", V1);
        assertThat(state.awaiting()).isTrue();
        assertThat(state.reason()).isEqualTo(ObjectState.UNSETTLED);
        ObjectState settled = state.settled(T0.plusSeconds(5), "created", null, "9", V1);
        assertThat(settled.awaiting()).isFalse();
        assertThat(settled.reason()).isNull();
        assertThat(settled.settledVersion()).isEqualTo(V1);
    }

    @Test
    void onlyANewerVersionReopensASettledObjectAndOnlyItsResultClosesItAgain() {
        ObjectState settled = ObjectState.firstReceipt(T0, "webhook", V1).settled(T0.plusSeconds(5), "created", null, "9", V1);
        assertThat(settled.received(T0.plusSeconds(10), "poll", V1).awaiting()).isFalse();
        assertThat(settled.received(T0.plusSeconds(10), "webhook", null).awaiting()).isFalse();

        ObjectState reopened = settled.received(T0.plusSeconds(10), "webhook", V2);
        assertThat(reopened.awaiting()).isTrue();
        assertThat(reopened.reason()).isEqualTo(ObjectState.UPDATE_UNSETTLED);
        assertThat(reopened.repairAttempts()).isZero();
        assertThat(reopened.settled(T0.plusSeconds(11), "coalesced", null, null, V1).awaiting()).isTrue();
        assertThat(reopened.settled(T0.plusSeconds(12), "updated", null, null, V2).awaiting()).isFalse();
    }

    @Test
    void aResultWithoutAVersionClosesAndAnOlderResultChangesNothing() {
        ObjectState open = ObjectState.firstReceipt(T0, "webhook", V2);
        assertThat(open.settled(T0.plusSeconds(1), "dead-lettered", "validation", null, null).awaiting()).isFalse();

        ObjectState settled = ObjectState.firstResult(T0, "created", null, "9", V1);
        assertThat(settled.settled(T0.minusSeconds(1), "updated", null, "8", V2)).isEqualTo(settled);
        assertThat(settled.received(T0.plusSeconds(1), "webhook", V1).awaiting()).isFalse();
    }

    @Test
    void aRecordMissingFromTheCrmReopensUntilAResultSettles() {
        ObjectState settled = ObjectState.firstResult(T0, "created", null, "9", V1);
        ObjectState missing = settled.crmMissing(T0.plusSeconds(60));
        assertThat(missing.awaiting()).isTrue();
        assertThat(missing.reason()).isEqualTo(ObjectState.CRM_MISSING);
        assertThat(missing.crmCheckOutcome()).isEqualTo("missing");
        assertThat(missing.received(T0.plusSeconds(61), "replay", V1)
                .settled(T0.plusSeconds(62), "created", null, "10", V1).awaiting()).isFalse();
    }
}
