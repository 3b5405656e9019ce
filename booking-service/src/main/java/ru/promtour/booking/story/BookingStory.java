package ru.promtour.booking.story;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * booking-service's part of a booking's story: a summary of its current state, every trace id its events were sent
 * in (the first is where an investigation starts) and its entries, oldest first. No personal data: no contact, no
 * visitors.
 *
 * @param ledger  the booking's seats on its slot's ledger now (null when the slot has no ledger)
 * @param route   the route booking it is a leg of (null for a single booking)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingStory(String bookingId, String uuid, String supplierReference, String status, String operatorId,
                           String enterpriseId, String slotId, String productId, int units, Instant start,
                           Instant createdAt, Instant updatedAt, Instant heldAt, Instant expiresAt, Instant confirmedAt,
                           Cancelled cancelled, Waitlist waitlist, String routeBookingId, Route route, Seats ledger,
                           List<String> traceIds, List<StoryEvent> events) {

    /** When and by whom (OPERATOR or SUPPLIER) it was cancelled; the reason is free text and stays out. */
    public record Cancelled(Instant at, String by) {
    }

    public record Waitlist(Instant joinedAt, Instant offeredAt, Instant offerExpiresAt) {
    }

    public record Route(String id, String status, String routeId, int legs) {
    }

    /**
     * @param state HELD, SOLD, RELEASED (its id is among the slot's recently released ones) or NONE
     * @param pool  the allocation the seats came from (null: free sale)
     */
    public record Seats(String slotId, String state, Integer units, Instant at, String pool) {
    }
}
