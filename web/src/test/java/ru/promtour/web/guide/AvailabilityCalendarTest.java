package ru.promtour.web.guide;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityCalendarTest {

    private static final LocalDate SATURDAY = LocalDate.of(2026, 12, 5);

    @Test
    void thirtyDaysFromTodayInWeeksFromMondayPaddedAtBothEnds() {
        AvailabilityCalendar calendar = AvailabilityCalendar.of(SATURDAY, List.of());

        List<AvailabilityCalendar.Day> cells = calendar.weeks().stream().flatMap(w -> w.days().stream()).toList();
        assertThat(calendar.weeks()).allSatisfy(week -> {
            assertThat(week.days()).hasSize(7);
            assertThat(week.days().get(0).date().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        });
        List<AvailabilityCalendar.Day> shown = cells.stream().filter(AvailabilityCalendar.Day::shown).toList();
        assertThat(shown).hasSize(30);
        assertThat(shown.get(0).date()).isEqualTo(SATURDAY);
        assertThat(shown.get(29).date()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(calendar.last()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(cells.get(0).shown()).as("Monday before today only pads").isFalse();
    }

    @Test
    void aSlotBelongsToTheDateItsLocalStartNamesWhateverItsOffset() {
        Map<String, Object> afterMidnight = Map.of("start", "2026-12-10T00:30:00+08:00", "status", "AVAILABLE");
        Map<String, Object> lateEvening = Map.of("start", "2026-12-09T23:30:00-05:00", "status", "SOLD_OUT");
        Map<String, Object> beyond = Map.of("start", "2027-01-04T10:00:00+03:00", "status", "AVAILABLE");

        AvailabilityCalendar calendar = AvailabilityCalendar.of(SATURDAY, List.of(afterMidnight, lateEvening, beyond));

        assertThat(day(calendar, LocalDate.of(2026, 12, 10)).slots()).containsExactly(afterMidnight);
        assertThat(day(calendar, LocalDate.of(2026, 12, 9)).slots()).containsExactly(lateEvening);
        assertThat(calendar.weeks().stream().flatMap(w -> w.days().stream()).flatMap(d -> d.slots().stream()))
                .as("a slot after the 30 days is not shown").doesNotContain(beyond);
    }

    private static AvailabilityCalendar.Day day(AvailabilityCalendar calendar, LocalDate date) {
        return calendar.weeks().stream().flatMap(w -> w.days().stream()).filter(d -> d.date().equals(date))
                .findFirst().orElseThrow();
    }
}
