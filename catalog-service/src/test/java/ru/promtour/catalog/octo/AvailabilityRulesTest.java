package ru.promtour.catalog.octo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotStatus;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityRulesTest {

    /** 2026-12-01T10:00 in Irkutsk (+08:00). */
    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant LONG_BEFORE = START.minus(Duration.ofDays(10));
    static final Duration CUTOFF = Duration.ofHours(2);
    /** 90 minutes, at most 40 units, bookings close 2 h before the start. */
    static final ExcursionProgram PROGRAM = program(2);
    final AvailabilityRules rules = new AvailabilityRules(10, 5);

    static ExcursionProgram program(int bookingCutoffHours) {
        return new ExcursionProgram("Как рождается зефир", null, "…", null, 90, List.of("ru"), 7,
                ExcursionProgram.BookingMode.INSTANT, "Проходная №1", null, List.of(), 1, 40, bookingCutoffHours, 24);
    }

    /** A slot as the catalog stores it: its cut-off computed from the program when it was created. */
    static Slot slot(int capacity, int held, int confirmed, SlotStatus status) {
        return slot(START.minus(CUTOFF), capacity, held, confirmed, status);
    }

    static Slot slot(Instant cutoffAt, int capacity, int held, int confirmed, SlotStatus status) {
        return new Slot("slot-1", "exc-1", "ent-1", START, "Asia/Irkutsk", cutoffAt, capacity, held, confirmed, status, 1,
                0L, null, List.of(), List.of(), START, START);
    }

    SlotAvailability grade(Slot slot, int requested, Instant now) {
        return rules.grade(slot, PROGRAM, requested, now);
    }

    @Test
    void anOpenSlotWithRoomIsAvailableWithLocalTimesAndCutoff() {
        SlotAvailability a = grade(slot(40, 5, 3, SlotStatus.OPEN), 0, LONG_BEFORE);

        assertThat(a.status()).isEqualTo(AvailabilityStatus.AVAILABLE);
        assertThat(a.available()).isTrue();
        assertThat(a.vacancies()).isEqualTo(32);
        assertThat(a.capacity()).isEqualTo(40);
        assertThat(a.maxUnits()).isEqualTo(32);
        assertThat(a.localStart()).hasToString("2026-12-01T10:00+08:00");
        assertThat(a.localEnd()).hasToString("2026-12-01T11:30+08:00");
        assertThat(a.utcCutoffAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "capacity {0}, {1} left → {2}")
    @CsvSource({"40,6,AVAILABLE", "40,5,LIMITED", "40,1,LIMITED", "40,0,SOLD_OUT",
                "200,21,AVAILABLE", "200,20,LIMITED", "10,5,LIMITED", "10,6,AVAILABLE"})
    void limitedIsAtMostTenPercentOrFiveSeatsWhicheverIsLarger(int capacity, int left, AvailabilityStatus expected) {
        SlotAvailability a = grade(slot(capacity, capacity - left, 0, SlotStatus.OPEN), 0, LONG_BEFORE);

        assertThat(a.status()).isEqualTo(expected);
        assertThat(a.vacancies()).isEqualTo(left);
        assertThat(a.available()).isEqualTo(left > 0);
    }

    @Test
    void closedAndCancelledSlotsAreClosedWithoutVacancies() {
        for (SlotStatus status : List.of(SlotStatus.CLOSED, SlotStatus.CANCELLED)) {
            SlotAvailability a = grade(slot(40, 0, 0, status), 0, LONG_BEFORE);

            assertThat(a.status()).as(status.name()).isEqualTo(AvailabilityStatus.CLOSED);
            assertThat(a.available()).isFalse();
            assertThat(a.vacancies()).isZero();
            assertThat(a.maxUnits()).isZero();
        }
    }

    @Test
    void theBookingCutoffClosesTheSlotFromItsFirstInstant() {
        Slot open = slot(40, 0, 0, SlotStatus.OPEN);

        assertThat(grade(open, 0, START.minus(CUTOFF).minusMillis(1)).status()).isEqualTo(AvailabilityStatus.AVAILABLE);
        assertThat(grade(open, 0, START.minus(CUTOFF)).status()).isEqualTo(AvailabilityStatus.CLOSED);
        assertThat(grade(open, 0, START.plusSeconds(60)).available()).isFalse();
    }

    @Test
    void theSlotsStoredCutoffDecidesAndIsShown() {
        Instant stored = START.minus(Duration.ofHours(5));
        Slot slot = slot(stored, 40, 0, 0, SlotStatus.OPEN);

        assertThat(grade(slot, 0, stored.minusMillis(1)).status()).isEqualTo(AvailabilityStatus.AVAILABLE);
        SlotAvailability closed = grade(slot, 0, stored);
        assertThat(closed.status()).as("not recomputed from the program's 2 h").isEqualTo(AvailabilityStatus.CLOSED);
        assertThat(closed.utcCutoffAt()).isEqualTo(stored);
    }

    @Test
    void aSlotStoredWithoutItsCutoffTakesItFromTheProgram() {
        Slot old = slot(null, 40, 0, 0, SlotStatus.OPEN);

        assertThat(grade(old, 0, LONG_BEFORE).utcCutoffAt()).isEqualTo(START.minus(CUTOFF));
        assertThat(grade(old, 0, START.minus(CUTOFF).minusMillis(1)).status()).isEqualTo(AvailabilityStatus.AVAILABLE);
        assertThat(grade(old, 0, START.minus(CUTOFF)).status()).isEqualTo(AvailabilityStatus.CLOSED);
        assertThat(rules.grade(old, program(24), 0, START.minus(CUTOFF).minusMillis(1)).status())
                .isEqualTo(AvailabilityStatus.CLOSED);
    }

    @Test
    void moreUnitsThanVacanciesAreNotAvailableButKeepTheStatus() {
        Slot slot = slot(40, 30, 0, SlotStatus.OPEN);

        assertThat(grade(slot, 10, LONG_BEFORE).available()).isTrue();
        SlotAvailability tooMany = grade(slot, 11, LONG_BEFORE);
        assertThat(tooMany.available()).isFalse();
        assertThat(tooMany.status()).isEqualTo(AvailabilityStatus.AVAILABLE);
    }

    @Test
    void maxUnitsIsTheProgramsMaximumCappedByTheVacancies() {
        assertThat(grade(slot(100, 0, 0, SlotStatus.OPEN), 0, LONG_BEFORE).maxUnits()).isEqualTo(40);
        assertThat(grade(slot(100, 90, 0, SlotStatus.OPEN), 0, LONG_BEFORE).maxUnits()).isEqualTo(10);
    }

    @Test
    void aDayTakesItsBestStatusTheLargestVacancyAndTheCapacityOnSale() {
        LocalDate date = LocalDate.of(2026, 12, 1);
        SlotAvailability soldOut = grade(slot(40, 40, 0, SlotStatus.OPEN), 0, LONG_BEFORE);
        SlotAvailability limited = grade(slot(40, 37, 0, SlotStatus.OPEN), 0, LONG_BEFORE);
        SlotAvailability closed = grade(slot(40, 0, 0, SlotStatus.CLOSED), 0, LONG_BEFORE);
        SlotAvailability available = grade(slot(30, 10, 0, SlotStatus.OPEN), 0, LONG_BEFORE);

        DayAvailability mixed = AvailabilityRules.day(date, List.of(soldOut, limited, closed, available));
        assertThat(mixed.status()).isEqualTo(AvailabilityStatus.AVAILABLE);
        assertThat(mixed.vacancies()).isEqualTo(20);
        assertThat(mixed.capacity()).isEqualTo(110);
        assertThat(mixed.available()).isTrue();

        assertThat(AvailabilityRules.day(date, List.of(soldOut, limited, closed)).status()).isEqualTo(AvailabilityStatus.LIMITED);
        DayAvailability full = AvailabilityRules.day(date, List.of(soldOut, closed));
        assertThat(full.status()).isEqualTo(AvailabilityStatus.SOLD_OUT);
        assertThat(full.available()).isFalse();
        DayAvailability empty = AvailabilityRules.day(date, List.of());
        assertThat(empty.status()).isEqualTo(AvailabilityStatus.CLOSED);
        assertThat(empty.vacancies()).isZero();
        assertThat(empty.capacity()).isZero();
    }
}
