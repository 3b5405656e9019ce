package ru.promtour.booking.booking.operator.web;

import java.time.ZonedDateTime;
import java.util.List;

import ru.promtour.booking.catalog.SlotView;

/**
 * The bounds and opening hours of a booking's OCTO availability. A day of an opening-hours product is the whole local
 * date (OCTO {@code allDay}: midnight to the next midnight) with the day's ranges, as the catalog's availability shows
 * it; a start time runs from its start for the program's duration and has no opening hours ({@code []}).
 */
final class OctoDays {

    private OctoDays() {
    }

    record Bounds(ZonedDateTime start, ZonedDateTime end) {
    }

    /** @param start the booked start in the enterprise's zone (a day's first opening time) */
    static Bounds bounds(SlotView slot, ZonedDateTime start, int durationMinutes) {
        if (!slot.allDay()) {
            return new Bounds(start, start.plusMinutes(durationMinutes));
        }
        ZonedDateTime midnight = start.toLocalDate().atStartOfDay(start.getZone());
        return new Bounds(midnight, start.toLocalDate().plusDays(1).atStartOfDay(start.getZone()));
    }

    static List<Object> openingHours(SlotView slot) {
        return slot.openingHours() == null ? List.of() : List.copyOf(slot.openingHours());
    }
}
