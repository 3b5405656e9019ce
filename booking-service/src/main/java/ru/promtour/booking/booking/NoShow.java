package ru.promtour.booking.booking;

import java.time.Instant;

/**
 * The enterprise's mark that a confirmed group did not come (or was not let in). The booking stays CONFIRMED
 * (OCTO has no such status) and its seats stay sold: the visit is over either way.
 *
 * @param note     the enterprise's free text, may be null; removed with the other personal data after the visit
 * @param markedBy who marked it: the caller's token subject ({@code ENTERPRISE:<id>} or {@code ADMIN:<id>})
 */
public record NoShow(Cause cause, String note, Instant markedAt, String markedBy) {

    /** Why the group is a no-show. */
    public enum Cause {
        NOT_ARRIVED, LATE, REFUSED_ADMISSION, OTHER
    }
}
