package ru.promtour.booking.booking;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * OCTO's {@code BookingReservationBody}: what an operator asks to hold. {@code currency} and other
 * capability fields are accepted and ignored.
 *
 * @param availabilityId the catalog's slot id
 * @param waitlist       PromTour's extension: true to join the waitlist when the availability is sold out
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReserveCommand(String uuid, String productId, String optionId, String availabilityId,
                             Integer expirationMinutes, String notes, List<UnitItemInput> unitItems,
                             String resellerReference, Contact contact, Boolean waitlist) {

    /** OCTO's fields only (no waitlist): a plain reserve. */
    public ReserveCommand(String uuid, String productId, String optionId, String availabilityId, Integer expirationMinutes,
                          String notes, List<UnitItemInput> unitItems, String resellerReference, Contact contact) {
        this(uuid, productId, optionId, availabilityId, expirationMinutes, notes, unitItems, resellerReference, contact, null);
    }

    /** PromTour's {@code "waitlist": true}: on a sold-out availability, join its waitlist instead of a refusal. */
    public boolean joinsWaitlist() {
        return Boolean.TRUE.equals(waitlist);
    }

    /** OCTO's {@code BookingUnitItem}, plus PromTour's optional {@code visitor} document for secure sites. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitItemInput(String uuid, String unitId, String resellerReference, Contact contact, Visitor visitor) {
    }
}
