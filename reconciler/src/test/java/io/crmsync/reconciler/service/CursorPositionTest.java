package io.crmsync.reconciler.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CursorPositionTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aStoreNeverPolledStartsAtTheTenantsGoLive() {
        CursorPosition initial = CursorPosition.initial(LocalDate.of(2026, 1, 1));

        assertThat(initial.modifiedSince()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(initial.lastObjectId()).isNull();
    }

    @Test
    void theNextPollStartsTheOverlapBeforeTheCursor() {
        assertThat(new CursorPosition(T, "7").pollFrom(Duration.ofSeconds(60))).isEqualTo(Instant.parse("2026-03-01T09:59:00Z"));
        assertThat(new CursorPosition(T, "7").pollFrom(Duration.ZERO)).isEqualTo(T);
    }

    @Test
    void advancesToALaterChange() {
        CursorPosition next = new CursorPosition(T, "900").advance(T.plusSeconds(1), "5");

        assertThat(next).isEqualTo(new CursorPosition(T.plusSeconds(1), "5"));
    }

    @Test
    void onATieKeepsTheHigherIdNumerically() {
        CursorPosition cursor = new CursorPosition(T, "9");

        assertThat(cursor.advance(T, "10")).isEqualTo(new CursorPosition(T, "10"));
        assertThat(cursor.advance(T, "8")).isEqualTo(cursor);
        assertThat(new CursorPosition(T, null).advance(T, "1")).isEqualTo(new CursorPosition(T, "1"));
    }

    @Test
    void neverMovesBackForObjectsReadAgainInTheOverlap() {
        CursorPosition cursor = new CursorPosition(T, "3");

        assertThat(cursor.advance(T.minusSeconds(30), "99")).isEqualTo(cursor);
    }

    @Test
    void foldingAPageEndsAtTheNewestChangeAndItsHighestId() {
        CursorPosition cursor = CursorPosition.initial(LocalDate.of(2026, 1, 1))
                .advance(T, "450789469")
                .advance(T.plusSeconds(5), "12")
                .advance(T.plusSeconds(5), "450789470")
                .advance(T.plusSeconds(2), "999999999999");

        assertThat(cursor).isEqualTo(new CursorPosition(T.plusSeconds(5), "450789470"));
    }

    @Test
    void idsCompareAsNumbersWhenBothAreDigitsElseAsText() {
        assertThat(ObjectIds.compare("10", "9")).isPositive();
        assertThat(ObjectIds.compare("0010", "10")).isZero();
        assertThat(ObjectIds.compare("12345678901234567890", "9")).isPositive();
        assertThat(ObjectIds.compare("b", "a")).isPositive();
        assertThat(ObjectIds.compare("10", "9a")).isNegative();
    }
}
