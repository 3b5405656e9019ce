package ru.promtour.reporting.projection;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Any lifecycle event of {@code booking.bookings.v1} (tolerant reader: one shape for every type, each type fills its
 * own fields; the contracts in {@code contracts/} are the reference). What changed is told by the event's type.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingEvent(String bookingId, String slotId, String excursionId, String operatorId, Integer units,
                           Instant requestedAt, Instant confirmedAt, Instant approvedAt, Instant declinedAt,
                           Instant expiredAt, Instant cancelledAt, Instant updatedAt, Instant offeredAt,
                           Instant markedAt, String cancelledBy, String reason, String cause, String note,
                           Boolean imported, String routeBookingId, Visit visit, OctoRef octoBooking) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Visit(String supplierReference, String resellerReference, String productId, Title excursionTitle,
                        Enterprise enterprise, Instant start, String localStart, String timeZone,
                        Integer cancellationCutoffHours, List<UnitQuantity> unitItems, Integer units,
                        Operator operator, Instant bookedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Title(String ru, String en) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enterprise(String id, String name, String timeZone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitQuantity(String unitId, String type, int quantity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Operator(String id, String name) {
    }

    /** The part of the OCTO booking the projection reads: when the operator created it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OctoRef(Instant utcCreatedAt) {
    }
}
