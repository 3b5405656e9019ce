package ru.promtour.booking.allocation;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An enterprise's allocation to one operator: on one slot, or on the slots of a program that match a schedule.
 * This document is the record of what was asked and where it was granted; the seats themselves are in each slot's
 * ledger ({@code allocations.<operatorId>}), which alone decides a grant, a booking from it and its release.
 *
 * @param slotId     the slot of a single-slot allocation, else null
 * @param schedule   the rule of a schedule allocation (expanded into every matching slot, those published later
 *                   too, while it is ACTIVE), else null
 * @param units      seats per slot (a schedule's slot gets fewer when fewer were on free sale)
 * @param releaseAt  when the seats not booked go back to free sale
 * @param slots      where it was granted or refused, and what each release gave back
 */
@Document(Allocation.COLLECTION)
public record Allocation(@Id String id, String enterpriseId, String operatorId, String excursionId, String slotId,
                         Schedule schedule, int units, Instant releaseAt, Status status, Instant createdAt,
                         Instant releasedAt, List<SlotGrant> slots) {

    public static final String COLLECTION = "allocations";

    /** ACTIVE until its release date; RELEASED then; WITHDRAWN when the enterprise took it back earlier. */
    public enum Status { ACTIVE, RELEASED, WITHDRAWN }

    /**
     * Slots of the program whose local date is in [from, to], on these weekdays and at these local start times
     * (empty: all). Kept as text ({@code 2026-10-06}, {@code TUESDAY}, {@code 10:00}) as the API takes it.
     */
    public record Schedule(String from, String to, List<String> weekdays, List<String> localTimes) {
    }

    /**
     * One slot of the allocation.
     *
     * @param status   GRANTED, REFUSED (with the reason) or RELEASED
     * @param units    seats granted (0 when refused)
     * @param returned seats its release gave back to free sale
     */
    public record SlotGrant(String slotId, Instant start, String status, int units, String reason, Integer returned) {
    }
}
