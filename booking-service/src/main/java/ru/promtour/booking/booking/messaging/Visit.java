package ru.promtour.booking.booking.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Event-carried state for notification-service ({@code visit} in the booking contracts): everything a
 * message to the group leader, the operator or the enterprise needs, as it stands after the change.
 *
 * @param bookedAt when the booking was created (the reporting service's lead time: start − bookedAt)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Visit(String supplierReference, String resellerReference, String productId, Title excursionTitle,
                    Enterprise enterprise, String meetingPoint, Instant start, String localStart, String timeZone,
                    int durationMinutes, String bookingMode, Rules rules, int cancellationCutoffHours,
                    List<UnitQuantity> unitItems, int units, int visitorsNamed, Contact contact, Operator operator,
                    Instant bookedAt) {

    public record Title(String ru, String en) {
    }

    public record Enterprise(String id, String name, String city, String address, String timeZone, String email,
                             String phone) {
    }

    public record Rules(String ppe, boolean ppeRequired, String dressCode, boolean photoAllowed, String documents,
                        int manifestLeadDays, String accessibility) {
    }

    public record UnitQuantity(String unitId, String type, int quantity) {
    }

    /** The group leader; null before confirmation. */
    public record Contact(String fullName, String emailAddress, String phoneNumber, String locale) {
    }

    /** Who booked: name and email as registered at the gateway (the internal token carries them), may be null. */
    public record Operator(String id, String name, String email) {
    }
}
