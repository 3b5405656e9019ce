package ru.promtour.booking.booking.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The bodies of the booking events, one record per {@code ce_type} (contracts/booking.*.schema.json). */
public final class BookingEventPayloads {

    private BookingEventPayloads() {
    }

    /** A unit id and how many of it, as the catalog reads it. */
    public record UnitCount(String unitId, int quantity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingRequested(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                   List<UnitCount> unitItems, Instant requestedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingHeld(String bookingId, String slotId, String excursionId, String operatorId, int units,
                              Instant utcExpiresAt, Instant heldAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingRejected(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                  String requestId, String reason, Instant rejectedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingConfirmed(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                   Instant confirmedAt, Visit visit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingPendingApproval(String bookingId, String slotId, String excursionId, String operatorId,
                                         int units, Instant requestedAt, Visit visit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingApproved(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                  Instant approvedAt, Visit visit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingDeclined(String bookingId, String slotId, int units, String reason, Instant declinedAt,
                                  Visit visit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingCancelled(String bookingId, String slotId, int units, String cancelledBy, String reason,
                                   Instant cancelledAt, Visit visit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingExpired(String bookingId, String slotId, int units, Instant expiredAt, Visit visit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingResizeRequested(String bookingId, String slotId, String requestId, int units,
                                         int previousUnits, Instant requestedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingUpdated(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                 Integer previousUnits, List<String> changes, Instant updatedAt, Visit visit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ManifestIncomplete(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                     int visitorsNamed, Instant manifestDeadline, Instant detectedAt, Visit visit) {
    }
}
