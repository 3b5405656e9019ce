package ru.promtour.booking.booking;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * OCTO's {@code BookingReservationBody}: what an operator asks to hold. {@code currency} and other
 * capability fields are accepted and ignored.
 *
 * @param availabilityId the catalog's slot id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReserveCommand(String uuid, String productId, String optionId, String availabilityId,
                             Integer expirationMinutes, String notes, List<UnitItemInput> unitItems,
                             String resellerReference, Contact contact) {

    /** OCTO's {@code BookingUnitItem}, plus PromTour's optional {@code visitor} document for secure sites. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitItemInput(String uuid, String unitId, String resellerReference, Contact contact, Visitor visitor) {
    }
}
