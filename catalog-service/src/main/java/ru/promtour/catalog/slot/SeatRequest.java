package ru.promtour.catalog.slot;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A seat request the catalog could not attach to any slot (the slot id is unknown). The insert carries the
 * {@code SeatsRejected(UNKNOWN_SLOT)} in its own outbox; the id (booking id, plus the resize request id for a
 * resize) makes a repeated request a duplicate key, so the rejection goes out once.
 */
@Document(SeatRequest.COLLECTION)
public record SeatRequest(@Id String id, String bookingId, String requestId, String slotId, int units, String reason,
                          Instant rejectedAt) {

    public static final String COLLECTION = "seat_requests";
}
