package ru.promtour.reporting.projection;

import java.time.Instant;

/**
 * A slot as the catalog last told it: its local date, capacity and status (fill rate = sold / capacity).
 *
 * @param localDate {@code yyyy-MM-dd} in the enterprise's time zone
 */
public record SlotFact(String id, String programId, String enterpriseId, Instant start, String timeZone,
                       String localDate, String month, int capacity, String status, boolean allDay, long version) {

    public static final String CANCELLED = "CANCELLED";

    static SlotFact of(SlotEvent e) {
        String date = BookingFact.localDate(e.start(), e.localStart(), e.timeZone()).toString();
        return new SlotFact(e.slotId(), e.excursionId(), e.enterpriseId(), e.start(), e.timeZone(), date,
                date.substring(0, 7), e.capacity() == null ? 0 : e.capacity(), e.status(),
                Boolean.TRUE.equals(e.allDay()), e.version() == null ? 0 : e.version());
    }

    public boolean cancelled() {
        return CANCELLED.equals(status);
    }
}
