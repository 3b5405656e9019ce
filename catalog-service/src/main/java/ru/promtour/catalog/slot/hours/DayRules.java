package ru.promtour.catalog.slot.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import ru.promtour.catalog.excursion.OpeningHours;
import ru.promtour.catalog.excursion.OpeningHours.TimeRange;
import ru.promtour.catalog.slot.ScheduleGenerator;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotChange;
import ru.promtour.catalog.slot.SlotStatus;

/**
 * How an opening-hours program maps onto the seat ledger, which knows only slots: ONE slot per open local date (the
 * daily capacity is one ledger entry, so a day can never be oversold), whose start is the date's first opening time.
 * With that start the booking cut-off, hold expiry, reminders and "the visit has begun" work exactly as for a start
 * time, and reserve/confirm/cancel need no new path. Its id is derived from program and date, so generating a day
 * twice (a retry, two instances) inserts it once, and an OCTO {@code availabilityId} names one date unambiguously.
 * <p>
 * When the hours change, a day already generated is never replaced (its bookings hold seats in its ledger): its
 * ranges and start move in place, and what touches seats travels to the ledger like an enterprise's own change — a
 * date that closes is a CLOSE (bookings stay valid, no new holds), one that opens again a REOPEN, a new daily
 * capacity a CAPACITY change, never below the seats held and sold (the ledger refuses less anyway).
 */
public final class DayRules {

    /** Why a day was closed, as the ledger's CLOSE carries it. */
    static final String CLOSED_BY_HOURS = "Closed by the program's opening hours";

    private DayRules() {
    }

    /**
     * One local date as the hours say.
     *
     * @param start the first opening time on that date in the zone (null when closed)
     */
    public record Day(LocalDate date, List<TimeRange> ranges, Instant start) {

        public boolean open() {
            return !ranges.isEmpty();
        }
    }

    /** What a generated day slot needs so it shows the day the hours now say. */
    public record Decision(boolean moveHours, SlotChange status, Integer capacity) {

        public boolean none() {
            return !moveHours && status == null && capacity == null;
        }
    }

    /** The day slot id of a program's local date. */
    public static String dayId(String excursionId, LocalDate date) {
        return "day-" + excursionId + "-" + date;
    }

    /** The date as {@code hours} say ({@code null} hours: closed, the program is no longer sold by hours). */
    public static Day day(OpeningHours hours, LocalDate date, ZoneId zone) {
        List<TimeRange> ranges = hours == null ? List.of() : hours.on(date);
        Instant start = ranges.isEmpty() ? null : ScheduleGenerator.resolve(date.atTime(ranges.get(0).fromTime()), zone);
        return new Day(date, ranges, start);
    }

    /**
     * What changes the day slot {@code slot} to {@code day} with {@code dailyCapacity}: its ranges and start (the
     * catalog's own fields), and for the ledger: CLOSE when the hours closed a date they had open (a date the
     * enterprise closed itself stays as it is), REOPEN when they open a date they had closed, CAPACITY the daily
     * capacity but at least held + confirmed (an open date only). A change already on its way is not asked twice.
     */
    public static Decision decide(Slot slot, Day day, int dailyCapacity) {
        List<TimeRange> had = slot.openingHours() == null ? List.of() : slot.openingHours();
        boolean moveHours = !day.ranges().equals(had) || (day.open() && !day.start().equals(slot.start()));
        SlotChange status = null;
        if (!day.open() && !had.isEmpty() && slot.status() == SlotStatus.OPEN && !pending(slot, SlotChange.CLOSE)) {
            status = SlotChange.CLOSE;
        }
        else if (day.open() && had.isEmpty() && slot.status() == SlotStatus.CLOSED && !pending(slot, SlotChange.REOPEN)) {
            status = SlotChange.REOPEN;
        }
        Integer capacity = null;
        int target = Math.max(dailyCapacity, slot.held() + slot.confirmed());
        if (day.open() && target != slot.capacity() && slot.pendingChanges().stream()
                .noneMatch(p -> p.change() == SlotChange.CAPACITY && Integer.valueOf(target).equals(p.capacity()))) {
            capacity = target;
        }
        return new Decision(moveHours, status, capacity);
    }

    private static boolean pending(Slot slot, SlotChange change) {
        return slot.pendingChanges().stream().anyMatch(p -> p.change() == change);
    }
}
