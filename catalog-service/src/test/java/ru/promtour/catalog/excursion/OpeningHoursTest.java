package ru.promtour.catalog.excursion;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.catalog.excursion.OpeningHours.DateException;
import ru.promtour.catalog.excursion.OpeningHours.TimeRange;
import ru.promtour.catalog.excursion.OpeningHours.WeekDay;
import ru.promtour.catalog.shared.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTest {

    static final TimeRange MORNING = new TimeRange("10:00", "13:00");
    static final TimeRange AFTERNOON = new TimeRange("14:00", "18:00");
    /** Tuesday to Saturday with a lunch break, Monday and Sunday closed; New Year's Eve closed, 2 January short. */
    static final OpeningHours MUSEUM = new OpeningHours(List.of(
            new WeekDay(DayOfWeek.TUESDAY, List.of(AFTERNOON, MORNING)), new WeekDay(DayOfWeek.WEDNESDAY, List.of(MORNING, AFTERNOON)),
            new WeekDay(DayOfWeek.THURSDAY, List.of(MORNING, AFTERNOON)), new WeekDay(DayOfWeek.FRIDAY, List.of(MORNING, AFTERNOON)),
            new WeekDay(DayOfWeek.SATURDAY, List.of(new TimeRange("11:00", "17:00"))), new WeekDay(DayOfWeek.MONDAY, List.of())),
            List.of(new DateException("2099-12-31", List.of()), new DateException("2100-01-02", List.of(new TimeRange("12:00", "16:00")))),
            200);

    @Test
    void aDateHasItsWeekdaysRangesSortedAndAnExceptionWins() {
        assertThat(MUSEUM.on(LocalDate.parse("2099-12-29"))).containsExactly(MORNING, AFTERNOON);   // a Tuesday, given unsorted
        assertThat(MUSEUM.on(LocalDate.parse("2099-12-28"))).isEmpty();                            // Monday: listed closed
        assertThat(MUSEUM.on(LocalDate.parse("2099-12-27"))).isEmpty();                            // Sunday: not listed
        assertThat(MUSEUM.on(LocalDate.parse("2099-12-31"))).isEmpty();                            // Thursday, but a holiday
        assertThat(MUSEUM.on(LocalDate.parse("2100-01-02"))).containsExactly(new TimeRange("12:00", "16:00")); // a Saturday, short
    }

    @Test
    void validHoursHaveNoProblems() {
        assertThat(MUSEUM.problems("openingHours")).isEmpty();
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        OpeningHours bad = new OpeningHours(List.of(
                new WeekDay(DayOfWeek.MONDAY, List.of(new TimeRange("10:00", "13:00"), new TimeRange("12:30", "15:00"))),
                new WeekDay(DayOfWeek.TUESDAY, List.of(new TimeRange("18:00", "10:00"))),
                new WeekDay(DayOfWeek.WEDNESDAY, List.of(new TimeRange("9:00", "24:00"))),
                new WeekDay(DayOfWeek.MONDAY, List.of())),
                List.of(new DateException("2099-02-30", List.of()), new DateException("2099-03-01", List.of()),
                        new DateException("2099-03-01", List.of())),
                0);

        assertThat(bad.problems("openingHours")).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "openingHours.dailyCapacity",
                "openingHours.weekly.MONDAY",            // 10:00–13:00 overlaps 12:30–15:00
                "openingHours.weekly.TUESDAY[0].to",     // to before from
                "openingHours.weekly.WEDNESDAY[0].from", // not HH:mm
                "openingHours.weekly.WEDNESDAY[0].to",   // 24:00
                "openingHours.weekly.MONDAY",            // given twice
                "openingHours.exceptions[0].date",       // no such date
                "openingHours.exceptions[2].date");      // given twice
    }

    @Test
    void rangesThatTouchDoNotOverlapButAWeekWithoutOpenDaysIsRefused() {
        OpeningHours touching = new OpeningHours(List.of(new WeekDay(DayOfWeek.MONDAY,
                List.of(new TimeRange("10:00", "13:00"), new TimeRange("13:00", "15:00")))), List.of(), 1);
        assertThat(touching.problems("h")).isEmpty();

        OpeningHours never = new OpeningHours(List.of(new WeekDay(DayOfWeek.MONDAY, List.of())), List.of(), 10);
        assertThat(never.problems("h")).extracting(FieldProblem::field).containsExactly("h.weekly");
    }
}
