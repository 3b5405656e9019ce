package ru.promtour.catalog.slot.web;

import java.time.Instant;
import java.util.List;

import ru.promtour.catalog.excursion.OpeningHours;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.ledger.ChangeResult;
import ru.promtour.catalog.slot.messaging.SlotEvents;

/**
 * A slot as the enterprise API shows it.
 *
 * @param start    local date-time with offset in the enterprise's zone (OCTO style)
 * @param utcStart the same instant in UTC
 * @param allDay   a day of an opening-hours program (its {@code start} is the date's first opening time)
 * @param openingHours such a day's open ranges (empty: its hours closed the date); null for a start time
 */
public record SlotResponse(String id, String excursionId, String enterpriseId, String start, Instant utcStart,
                           String timeZone, int capacity, int held, int confirmed, int available, String status,
                           String cancelReason, boolean allDay, List<OpeningHours.TimeRange> openingHours) {

    static SlotResponse of(Slot s) {
        return new SlotResponse(s.id(), s.excursionId(), s.enterpriseId(), SlotEvents.LOCAL.format(s.localStart()),
                s.start(), s.timeZone(), s.capacity(), s.held(), s.confirmed(), s.available(), s.status().name(),
                s.cancelReason(), s.allDay(), s.openingHours());
    }

    /**
     * A change sent to the seat ledger that has not been answered in time (202): it still lands when the answer
     * comes; {@code slot} is the slot as it is now.
     *
     * @param status always {@code PENDING}
     */
    public record PendingChange(String requestId, String slotId, String change, String status, Instant requestedAt,
                                String detail, SlotResponse slot) {

        static PendingChange of(ChangeResult.Pending pending) {
            Slot.PendingChange change = pending.change();
            return new PendingChange(change.requestId(), pending.slot().id(), change.change().name(), "PENDING",
                    change.requestedAt(), "The seat ledger has not answered yet; the change is applied when it does,"
                    + " unless the ledger refuses it", SlotResponse.of(pending.slot()));
        }
    }

    /** What {@code POST …/schedules} created; {@code skipped} starts already had a slot. */
    public record Schedule(int created, int skipped, List<String> slotIds) {
    }
}
