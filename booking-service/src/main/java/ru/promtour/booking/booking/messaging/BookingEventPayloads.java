package ru.promtour.booking.booking.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The bodies of the booking events, one record per {@code ce_type} (contracts/booking.*.schema.json). The lifecycle
 * events carry {@code octoBooking}: the OCTO booking as its operator reads it, for the operator's webhooks.
 */
public final class BookingEventPayloads {

    private BookingEventPayloads() {
    }

    /** @param imported true on a booking imported from a previous registry, else absent (null) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingConfirmed(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                   Instant confirmedAt, Visit visit,
            Object octoBooking, String routeBookingId, Boolean imported) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingPendingApproval(String bookingId, String slotId, String excursionId, String operatorId,
                                         int units, Instant requestedAt, Visit visit,
            Object octoBooking, String routeBookingId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingApproved(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                  Instant approvedAt, Visit visit,
            Object octoBooking, String routeBookingId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingDeclined(String bookingId, String slotId, int units, String reason, Instant declinedAt,
                                  Visit visit,
            Object octoBooking, String routeBookingId) {
    }

    /** @param imported true on a booking imported from a previous registry, else absent (null) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingCancelled(String bookingId, String slotId, int units, String cancelledBy, String reason,
                                   Instant cancelledAt, Visit visit,
            Object octoBooking, String routeBookingId, Boolean imported) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingExpired(String bookingId, String slotId, int units, Instant expiredAt, Visit visit,
            Object octoBooking, String routeBookingId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WaitlistOffered(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                  Integer position, Instant offeredAt, Instant offerExpiresAt, Visit visit,
                                  Object octoBooking) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingUpdated(String bookingId, String slotId, String previousSlotId, String excursionId,
                                 String operatorId, int units, Integer previousUnits, List<String> changes, Instant updatedAt, Visit visit,
            Object octoBooking) {
    }

    /** No {@code octoBooking}: OCTO has no no-show, the operator's booking does not change. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingNoShow(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                String cause, String note, Instant markedAt, Visit visit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ManifestIncomplete(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                     int visitorsNamed, Instant manifestDeadline, Instant detectedAt, Visit visit) {
    }
}
