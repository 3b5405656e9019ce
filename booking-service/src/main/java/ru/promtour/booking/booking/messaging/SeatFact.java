package ru.promtour.booking.booking.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of a booking event ({@code booking.bookings.v1}) the service's own listeners need: the ledger's repair
 * and the route saga's progress ({@code routeBookingId} on a route's leg).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeatFact(String bookingId, String slotId, int units, Integer previousUnits, String previousSlotId,
                       String routeBookingId) {
}
