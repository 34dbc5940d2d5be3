package io.crmsync.reconciler.control;

import io.crmsync.contract.control.TenantControl;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantPausesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(5);

    private final TenantPauses pauses = new TenantPauses();

    @Test
    void aTenantWithNoStateIsActive() {
        assertThat(pauses.paused("acme")).isFalse();
        assertThat(pauses.holdsRepairs("acme", T0, GRACE)).isFalse();
        pauses.requireActive("acme");
    }

    @Test
    void aPauseHoldsUntilANewerActiveStateAndAnOlderOneChangesNothing() {
        pauses.apply(state(TenantControl.State.PAUSED, T0));
        pauses.apply(state(TenantControl.State.ACTIVE, T0.minusSeconds(60)));

        assertThat(pauses.paused("acme")).isTrue();
        assertThat(pauses.paused("globex")).isFalse();
        assertThatThrownBy(() -> pauses.requireActive("acme")).isInstanceOf(TenantPauses.TenantPaused.class)
                .hasMessageContaining("tenant acme is paused (auth");

        pauses.apply(state(TenantControl.State.ACTIVE, T0.plusSeconds(60)));
        assertThat(pauses.paused("acme")).isFalse();
    }

    @Test
    void automaticRepairWaitsTheGraceAfterAResumeWhileTheHeldWritesDrain() {
        Instant resumed = T0.plusSeconds(600);
        pauses.apply(state(TenantControl.State.PAUSED, T0));
        assertThat(pauses.holdsRepairs("acme", resumed, GRACE)).isTrue();

        pauses.apply(state(TenantControl.State.ACTIVE, resumed));
        assertThat(pauses.holdsRepairs("acme", resumed.plusSeconds(60), GRACE)).isTrue();
        assertThat(pauses.holdsRepairs("acme", resumed.plus(GRACE), GRACE)).isFalse();
    }

    @Test
    void aTombstoneForgetsTheState() {
        pauses.apply(state(TenantControl.State.PAUSED, T0));
        pauses.forget("acme");
        assertThat(pauses.paused("acme")).isFalse();
    }

    private static TenantControl state(TenantControl.State state, Instant at) {
        return new TenantControl("acme", state, state == TenantControl.State.PAUSED ? TenantControl.REASON_AUTH
                : TenantControl.REASON_OPERATOR, null, at, "crm-writer");
    }
}
