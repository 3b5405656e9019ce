package ru.promtour.catalog.slot;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import ru.promtour.catalog.shared.InvalidInputException;

/**
 * Turns a weekly pattern in the enterprise's local time into start instants.
 * <p>
 * Local times are what visitors read on the factory's clock, so they are resolved in the enterprise's
 * zone day by day, never by adding 24 h to an instant. A local time that does not exist (a DST gap,
 * e.g. 02:30 on the spring-forward night) is moved forward by the gap length, as every calendar does; a
 * local time that exists twice (the autumn overlap) is taken once, at its earlier offset. Russian zones
 * have no DST today, but history and other zones do, and the rule costs nothing.
 */
public final class ScheduleGenerator {

    private ScheduleGenerator() {
    }

    /** One local date-time in the zone, resolved as described above. */
    public static Instant resolve(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.of(local, zone).toInstant();
    }

    /**
     * Every start from {@code from} to {@code to} (both inclusive) on the given days at the given times,
     * not before {@code notBefore}, sorted and without duplicates.
     */
    public static List<Instant> starts(Set<DayOfWeek> days, Collection<LocalTime> times, LocalDate from, LocalDate to,
                                       ZoneId zone, Instant notBefore) {
        TreeSet<Instant> starts = new TreeSet<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (!days.contains(date.getDayOfWeek())) {
                continue;
            }
            for (LocalTime time : times) {
                Instant start = resolve(date.atTime(time), zone);
                if (!start.isBefore(notBefore)) {
                    starts.add(start);
                }
            }
        }
        return List.copyOf(starts);
    }

    /**
     * Refuses (400 naming {@code field}) a slot date more than {@code horizon} after {@code today}: enterprises plan
     * a season or two ahead, and a slot in year 9999 is a typo that would sit in every listing and index forever.
     */
    public static void requireWithinHorizon(String field, LocalDate date, LocalDate today, Period horizon) {
        LocalDate latest = today.plus(horizon);
        if (date.isAfter(latest)) {
            throw new InvalidInputException(field, "must be at most " + horizon + " ahead (on or before " + latest + ")");
        }
    }
}
