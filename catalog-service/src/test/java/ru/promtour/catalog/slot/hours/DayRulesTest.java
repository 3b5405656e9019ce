package ru.promtour.catalog.slot.hours;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.catalog.excursion.OpeningHours;
import ru.promtour.catalog.excursion.OpeningHours.TimeRange;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotChange;
import ru.promtour.catalog.slot.SlotStatus;

import static org.assertj.core.api.Assertions.assertThat;

class DayRulesTest {

    static final ZoneId IRKUTSK = ZoneId.of("Asia/Irkutsk");
    static final TimeRange MORNING = new TimeRange("10:00", "13:00");
    static final TimeRange AFTERNOON = new TimeRange("14:00", "18:00");
    static final OpeningHours HOURS = new OpeningHours(List.of(
            new OpeningHours.WeekDay(DayOfWeek.MONDAY, List.of(AFTERNOON, MORNING))),
            List.of(new OpeningHours.DateException("2099-03-09", List.of())), 300);
    static final LocalDate MONDAY = LocalDate.parse("2099-03-02");

    private static Slot day(List<TimeRange> hours, SlotStatus status, int capacity, int held, int confirmed) {
        Instant now = Instant.parse("2099-01-01T00:00:00Z");
        return new Slot("day-exc-1-2099-03-02", "exc-1", "ent-1", Instant.parse("2099-03-02T02:00:00Z"), "Asia/Irkutsk",
                Instant.parse("2099-03-02T00:00:00Z"), capacity, held, confirmed, status, 1, 1L, null, List.of(), List.of(),
                now, now, hours);
    }

    @Test
    void anOpenDateStartsAtItsFirstOpeningTimeInTheEnterprisesZone() {
        DayRules.Day day = DayRules.day(HOURS, MONDAY, IRKUTSK);

        assertThat(day.open()).isTrue();
        assertThat(day.ranges()).containsExactly(MORNING, AFTERNOON);
        assertThat(day.start()).isEqualTo(Instant.parse("2099-03-02T02:00:00Z"));   // 10:00 at +08:00
        assertThat(DayRules.day(HOURS, MONDAY.plusDays(1), IRKUTSK).open()).isFalse();
        assertThat(DayRules.day(HOURS, LocalDate.parse("2099-03-09"), IRKUTSK).open()).isFalse();  // the exception
        assertThat(DayRules.day(null, MONDAY, IRKUTSK).open()).isFalse();
    }

    @Test
    void theDayIdNamesProgramAndDate() {
        assertThat(DayRules.dayId("exc-1", MONDAY)).isEqualTo("day-exc-1-2099-03-02");
    }

    @Test
    void aDayAsTheHoursSayNeedsNothing() {
        assertThat(DayRules.decide(day(List.of(MORNING, AFTERNOON), SlotStatus.OPEN, 300, 0, 0),
                DayRules.day(HOURS, MONDAY, IRKUTSK), 300).none()).isTrue();
    }

    @Test
    void aDateTheHoursCloseIsClosedThroughTheLedgerAndKeepsItsBookings() {
        DayRules.Day closed = new DayRules.Day(MONDAY, List.of(), null);

        DayRules.Decision d = DayRules.decide(day(List.of(MORNING, AFTERNOON), SlotStatus.OPEN, 300, 5, 20), closed, 300);

        assertThat(d.moveHours()).isTrue();
        assertThat(d.status()).isEqualTo(SlotChange.CLOSE);
        assertThat(d.capacity()).isNull();
    }

    @Test
    void aDateTheEnterpriseClosedItselfIsNotReopenedButOneTheHoursClosedIs() {
        DayRules.Day open = DayRules.day(HOURS, MONDAY, IRKUTSK);

        assertThat(DayRules.decide(day(List.of(MORNING, AFTERNOON), SlotStatus.CLOSED, 300, 0, 0), open, 300).none()).isTrue();
        DayRules.Decision reopen = DayRules.decide(day(List.of(), SlotStatus.CLOSED, 300, 0, 0), open, 300);
        assertThat(reopen.status()).isEqualTo(SlotChange.REOPEN);
        assertThat(reopen.moveHours()).isTrue();
    }

    @Test
    void newHoursMoveTheStartAndANewCapacityNeverGoesBelowTheSeatsTaken() {
        DayRules.Day later = new DayRules.Day(MONDAY, List.of(new TimeRange("11:00", "17:00")), Instant.parse("2099-03-02T03:00:00Z"));

        DayRules.Decision d = DayRules.decide(day(List.of(MORNING, AFTERNOON), SlotStatus.OPEN, 300, 40, 150), later, 100);

        assertThat(d.moveHours()).isTrue();
        assertThat(d.status()).isNull();
        assertThat(d.capacity()).isEqualTo(190);   // 100 asked, 190 taken: no more sales that day, nobody loses a seat
    }
}
