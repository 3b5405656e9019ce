package ru.promtour.booking.booking.operator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import ru.promtour.booking.booking.Contact;
import ru.promtour.booking.booking.ReserveCommand.UnitItemInput;

/** OCTO's {@code BookingConfirmationBody}: the group leader and, optionally, each visitor. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfirmCommand(String resellerReference, Contact contact, List<UnitItemInput> unitItems,
                             Boolean emailReceipt) {
}
