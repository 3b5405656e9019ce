package ru.promtour.notification.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import ru.promtour.notification.event.Visit;

/**
 * When reminders are due, computed in the enterprise's time zone (so 10:00 means 10:00 in Irkutsk for an
 * Irkutsk plant, whatever the server's zone).
 *
 * @param at                 local time of day of every reminder (10:00)
 * @param manifestDaysBefore how many days before the manifest deadline the operator is reminded
 */
public record ReminderTimes(LocalTime at, int manifestDaysBefore) {

    /** 10:00 enterprise-local on the day before the visit. */
    public Instant dayBefore(Visit visit) {
        ZonedDateTime start = start(visit);
        return start.toLocalDate().minusDays(1).atTime(at).atZone(start.getZone()).toInstant();
    }

    /** {@code manifestLeadDays} before the start, enterprise-local; null when the site needs no manifest. */
    public Instant manifestDeadline(Visit visit) {
        int lead = visit.rules() == null ? 0 : visit.rules().manifestLeadDays();
        return lead <= 0 ? null : start(visit).minusDays(lead).toInstant();
    }

    /** {@code at} on the day {@code manifestDaysBefore} days before the deadline; null without a deadline. */
    public Instant manifestReminder(Visit visit) {
        Instant deadline = manifestDeadline(visit);
        if (deadline == null) {
            return null;
        }
        ZoneId zone = ZoneId.of(visit.timeZone());
        Instant reminder = deadline.atZone(zone).toLocalDate().minusDays(manifestDaysBefore).atTime(at).atZone(zone).toInstant();
        // a short lead leaves no room before the deadline: remind a day ahead of it at the latest
        return reminder.isBefore(deadline) ? reminder : deadline.minus(Duration.ofDays(1));
    }

    private static ZonedDateTime start(Visit visit) {
        return visit.start().atZone(ZoneId.of(visit.timeZone()));
    }
}
