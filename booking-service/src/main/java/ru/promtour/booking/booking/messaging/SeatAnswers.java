package ru.promtour.booking.booking.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The catalog's answers on {@code catalog.slots.v1} that the booking lifecycle reads. */
public final class SeatAnswers {

    public static final String HELD = "catalog.SeatsHeld.v1";
    public static final String REJECTED = "catalog.SeatsRejected.v1";
    public static final String CONFIRMED = "catalog.SeatsConfirmed.v1";
    public static final String RELEASED = "catalog.SeatsReleased.v1";

    private SeatAnswers() {
    }

    /** @param requestId set when the answer is to a resize */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SeatsHeld(String slotId, String bookingId, String requestId, int units, Integer available,
                            Instant heldAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SeatsRejected(String slotId, String bookingId, String requestId, int units, String reason,
                                Integer available, Instant rejectedAt) {
    }

    /** Confirmations and releases only move the free-seat count of the projection. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SeatsMoved(String slotId, String bookingId, int units, Integer available) {
    }
}
