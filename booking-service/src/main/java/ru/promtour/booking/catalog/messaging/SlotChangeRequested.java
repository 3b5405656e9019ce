package ru.promtour.booking.catalog.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code catalog.SlotChangeRequested.v1}: an enterprise asks the seat ledger to change a slot's capacity, close,
 * reopen or cancel it; the ledger answers with the same {@code requestId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlotChangeRequested(String slotId, String requestId, String change, String enterpriseId,
                                  Integer capacity, String reason, Instant requestedAt) {
}
