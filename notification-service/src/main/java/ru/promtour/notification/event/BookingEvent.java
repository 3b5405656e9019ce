package ru.promtour.notification.event;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A booking lifecycle event that people are told about. Each type is its own record (this service owns
 * its event classes); they share the booking, the slot, the visit and the moment it happened.
 */
public sealed interface BookingEvent permits BookingConfirmed, BookingPendingApproval, BookingApproved,
        BookingDeclined, BookingUpdated, BookingCancelled, BookingExpired, ManifestIncomplete, WaitlistOffered {

    String bookingId();

    String slotId();

    Visit visit();

    /** When it happened, by the producer's clock. */
    Instant occurredAt();

    /**
     * The booking as its operator reads it over OCTO after the change, delivered unchanged by the operator's
     * {@code booking_update} webhooks; null for events without it (older producers, ManifestIncomplete).
     */
    default JsonNode octoBooking() {
        return null;
    }

    /**
     * The route booking this booking is a leg of ({@code routeBookingId}, issue 16), null for a booking on its own. The
     * group leader hears about a route once, from the {@link RouteEvent}s, not about each leg.
     */
    default String routeBookingId() {
        return null;
    }

    /**
     * A booking of a previous registry imported by the admin (top-level {@code "imported": true}, issue 18): history
     * for the reports, nobody is told about it — no message, no webhook.
     */
    default boolean importedHistory() {
        return false;
    }
}
