package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code catalog.SlotChangeRequested.v1}: the enterprise asks the seat ledger (booking-service) to change the
 * slot; the ledger answers {@code booking.SlotChangeApplied.v1} or {@code booking.SlotChangeRefused.v1} with
 * the same {@code requestId}, and the catalog changes its slot only on that answer.
 *
 * @param change   CAPACITY, CLOSE, REOPEN or CANCEL
 * @param capacity CAPACITY only: the new capacity
 * @param reason   CLOSE and CANCEL: why, as the enterprise said it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlotChangeRequested(String slotId, String requestId, String change, String enterpriseId, Integer capacity,
                                  String reason, Instant requestedAt) {
}
