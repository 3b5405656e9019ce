package ru.promtour.notification.booking;

import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import ru.promtour.notification.event.Visit;
import ru.promtour.notification.testdata.Events;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderTimesTest {

    private final ReminderTimes times = new ReminderTimes(LocalTime.of(10, 0), 2);

    @Test
    void dayBeforeIsTenOclockInTheEnterprisesZone() {
        Visit irkutsk = Events.visit(); // 2026-12-01 10:00 +08:00
        assertThat(times.dayBefore(irkutsk)).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));

        Visit kaliningrad = Events.JSON.readValue(Events.moved(Events.exampleJson("booking.BookingConfirmed.v1"), "b-2", "s-2",
                "Europe/Kaliningrad", "2026-12-01T07:00:00Z", "2026-12-01T09:00:00+02:00"),
                ru.promtour.notification.event.BookingConfirmed.class).visit();
        assertThat(times.dayBefore(kaliningrad)).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
    }

    @Test
    void manifestDeadlineIsLeadDaysBeforeTheStartAndTheReminderTwoDaysEarlierAtTen() {
        Visit visit = Events.visit(); // lead 10 days
        assertThat(times.manifestDeadline(visit)).isEqualTo(Instant.parse("2026-11-21T02:00:00Z"));
        assertThat(times.manifestReminder(visit)).isEqualTo(Instant.parse("2026-11-19T02:00:00Z"));
    }

    @Test
    void aSiteWithoutManifestHasNoDeadline() {
        Visit open = Events.JSON.readValue(Events.exampleJson("booking.BookingConfirmed.v1")
                .replace("\"manifestLeadDays\": 10", "\"manifestLeadDays\": 0"), ru.promtour.notification.event.BookingConfirmed.class).visit();
        assertThat(times.manifestDeadline(open)).isNull();
        assertThat(times.manifestReminder(open)).isNull();
    }
}
