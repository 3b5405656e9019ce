package ru.promtour.booking.catalog;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The booking service's copy of one slot (the OCTO availability), kept by the catalog's slot events.
 *
 * @param cutoffAt   when bookings close, as the catalog published it (null in a copy stored before it did)
 * @param localStart the start in the enterprise's zone with its offset, e.g. {@code 2026-12-01T10:00:00+08:00}
 * @param status     OPEN, CLOSED or CANCELLED
 * @param available  free seats as last reported (slot and seat events); informative only, the catalog decides
 * @param version    the catalog's slot version; an older event never overwrites a newer copy
 * @param allDay     a day of an opening-hours program: the whole local date of {@code localStart} (which is its
 *                   first opening time); false for a start time and in a copy stored before the field
 * @param openingHours such a day's open ranges; null for a start time
 */
@Document(SlotView.COLLECTION)
public record SlotView(@Id String id, String excursionId, String enterpriseId, Instant start, String timeZone,
                       Instant cutoffAt, String localStart, int capacity, int available, String status, long version,
                       boolean allDay, List<OpeningRange> openingHours) {

    public static final String COLLECTION = "slots";

    /** One open range of a day, local {@code HH:mm}. */
    public record OpeningRange(String from, String to) {
    }

    public boolean open() {
        return "OPEN".equals(status);
    }
}
