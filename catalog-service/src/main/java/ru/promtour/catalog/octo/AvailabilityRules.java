package ru.promtour.catalog.octo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.OpeningHours.TimeRange;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.seats.Bookability.Refusal;

/**
 * How a slot and a day are graded for operators, from the slot's read model of the seat ledger. CLOSED and
 * SOLD_OUT are the seat ledger's own rule ({@link ru.promtour.seats.Bookability}), whose reasons come in the order
 * a reserve meets them, so what OCTO shows is what a reserve would meet; LIMITED is the catalog's presentation:
 * <ol>
 *   <li>CLOSED: the slot is closed or cancelled, or its booking cut-off has passed (0 vacancies);</li>
 *   <li>SOLD_OUT: no seat left;</li>
 *   <li>LIMITED: at most {@code limitedPercent} % of the capacity or at most {@code limitedSeats} seats left,
 *       whichever is larger (a 40-seat slot is LIMITED from 5 seats left; a 200-seat slot from 20). The OCTO
 *       text says "less than 50 %"; for groups of 20-40 on a factory floor that would mark a half-empty slot as
 *       scarce, so the platform uses the stricter rule;</li>
 *   <li>AVAILABLE otherwise.</li>
 * </ol>
 */
public final class AvailabilityRules {

    private final int limitedPercent;
    private final int limitedSeats;

    public AvailabilityRules(int limitedPercent, int limitedSeats) {
        this.limitedPercent = limitedPercent;
        this.limitedSeats = limitedSeats;
    }

    /**
     * @param program        the slot's program: its duration (end = start + duration), maximum units per booking
     *                       and, for a slot stored without its cut-off, the booking cut-off
     * @param requestedUnits units the operator asked about (0: none given)
     */
    public SlotAvailability grade(Slot slot, ExcursionProgram program, int requestedUnits, Instant now) {
        OffsetDateTime start = slot.localStart();
        Optional<Refusal> refusal = slot.refusal(program, 1, now);
        boolean closed = refusal.filter(Refusal::anySize).isPresent();
        int vacancies = closed ? 0 : slot.available();
        AvailabilityStatus status;
        if (closed) {
            status = AvailabilityStatus.CLOSED;
        }
        else if (refusal.isPresent()) {
            status = AvailabilityStatus.SOLD_OUT;
        }
        else if (vacancies <= limitedSeats || vacancies * 100L <= (long) slot.capacity() * limitedPercent) {
            status = AvailabilityStatus.LIMITED;
        }
        else {
            status = AvailabilityStatus.AVAILABLE;
        }
        // a reserve of the units asked for (at least one) would be taken: on sale, and they fit the vacancies
        boolean available = slot.refusal(program, Math.max(1, requestedUnits), now).isEmpty();
        // a day slot is the whole local date (OCTO allDay: midnight to midnight), whatever its opening times
        ZoneId zone = ZoneId.of(slot.timeZone());
        OffsetDateTime from = slot.allDay() ? slot.localDate().atStartOfDay(zone).toOffsetDateTime() : start;
        OffsetDateTime to = slot.allDay() ? slot.localDate().plusDays(1).atStartOfDay(zone).toOffsetDateTime()
                : start.plusMinutes(program.durationMinutes());
        return new SlotAvailability(slot, from, to, slot.cutoffAt(program),
                status, vacancies, slot.capacity(), available, Math.min(program.maxUnits(), vacancies));
    }

    /**
     * A day of the calendar: the best status among its slots (AVAILABLE, then LIMITED, SOLD_OUT, CLOSED; a day
     * without slots is CLOSED); {@code vacancies} the highest of one slot (OCTO: "highest remaining vacancies
     * from all availabilities of this day", i.e. the largest group that fits one start); {@code capacity} the
     * sum over the slots not closed; {@code available} whether some slot takes the units asked for; {@code openingHours}
     * the day slot's ranges (an opening-hours product), else none.
     */
    public static DayAvailability day(LocalDate date, List<SlotAvailability> slots) {
        AvailabilityStatus best = AvailabilityStatus.CLOSED;
        int vacancies = 0;
        int capacity = 0;
        boolean available = false;
        List<TimeRange> openingHours = List.of();
        for (SlotAvailability s : slots) {
            if (s.slot().allDay()) {
                openingHours = s.slot().openingHours();
            }
            if (s.status().ordinal() < best.ordinal()) {
                best = s.status();
            }
            vacancies = Math.max(vacancies, s.vacancies());
            capacity += s.status() == AvailabilityStatus.CLOSED ? 0 : s.capacity();
            available |= s.available();
        }
        return new DayAvailability(date, best, vacancies, capacity, available, openingHours);
    }
}
