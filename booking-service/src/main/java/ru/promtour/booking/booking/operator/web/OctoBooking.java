package ru.promtour.booking.booking.operator.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import ru.promtour.booking.booking.Visitor;

/**
 * OCTO's {@code Booking} (contracts/octo/openapi.yaml): every required property is present, nullable ones as
 * {@code null}. The one delivery method is a VOUCHER for the whole group (no per-unit tickets): visitors are
 * checked against the enterprise's manifest, which lists the booking under its supplier reference. Unit items
 * carry PromTour's {@code visitor} (identity document for secure sites) back to the operator who sent it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record OctoBooking(String id, String uuid, boolean testMode, String resellerReference,
                   String supplierReference, String status, Instant utcCreatedAt, Instant utcUpdatedAt,
                   Instant utcExpiresAt, Instant utcRedeemedAt, Instant utcConfirmedAt, String productId,
                   String optionId, boolean cancellable, Cancellation cancellation, boolean freesale,
                   String availabilityId, Availability availability, Contact contact, String notes,
                   List<String> deliveryMethods, Ticket voucher, List<UnitItem> unitItems,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Waitlist waitlist,
                   @JsonInclude(JsonInclude.Include.NON_NULL) List<RouteLeg> legs) {

    /**
     * PromTour's extension on a route booking (the product is a route, octo/packages style): each leg's own booking
     * (an ordinary booking of its slot, which its enterprise sees) in the route's order.
     */
    public record RouteLeg(int position, String id, String uuid, String supplierReference, String productId,
                           String availabilityId, String status, String localDateTimeStart, String localDateTimeEnd) {
    }

    /**
     * PromTour's extension on a booking that joined a sold-out availability's waitlist: WAITING (OCTO status
     * PENDING, no seats, {@code position} in the FIFO) or OFFERED (seats held until {@code offerExpiresAt}; confirm
     * as any hold).
     */
    public record Waitlist(String state, Integer position, int units, Instant joinedAt, Instant offeredAt,
                           Instant offerExpiresAt, int offerMinutes) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Cancellation(String refund, String reason, Instant utcCancelledAt) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Contact(String fullName, String firstName, String lastName, String emailAddress, String phoneNumber,
                          List<String> locales, String postalCode, String country, String notes) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnitItem(String uuid, String resellerReference, String supplierReference, String unitId,
                           String status, Instant utcRedeemedAt, Contact contact, Ticket ticket,
                           Visitor visitor) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Availability(String id, String localDateTimeStart, String localDateTimeEnd, Instant utcCutoffAt,
                               boolean allDay, boolean available, String status, Integer vacancies, Integer capacity,
                               Integer maxUnits, List<Object> openingHours) {
    }

    /** OCTO's {@code Ticket}: the shape of the booking's {@code voucher} (and of a unit item's {@code ticket}). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Ticket(String redemptionMethod, Instant utcRedeemedAt, List<DeliveryOption> deliveryOptions) {
    }

    /** OCTO's {@code DeliveryOption}: a format and the value behind it (the code's text, or a URL). */
    public record DeliveryOption(String deliveryFormat, String deliveryValue) {
    }
}
