package ru.promtour.booking.booking.operator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import ru.promtour.booking.booking.Contact;
import ru.promtour.booking.booking.ReserveCommand.UnitItemInput;

/**
 * OCTO's {@code BookingUpdateBody}. Product, option and availability cannot move to another slot here: a
 * different value is refused (cancel and book again).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateCommand(String resellerReference, String productId, String optionId, String availabilityId,
                            Integer expirationMinutes, String notes, List<UnitItemInput> unitItems, Contact contact) {
}
