package ru.promtour.booking.booking;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** OCTO's {@code BookingContact}: the group leader on a booking, or one visitor on a unit item. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(String fullName, String firstName, String lastName, String emailAddress, String phoneNumber,
                      List<String> locales, String postalCode, String country, String notes) {

    /** The full name, or first and last name joined; null when there is no name at all. */
    public String name() {
        if (fullName != null && !fullName.isBlank()) {
            return fullName.strip();
        }
        String joined = ((firstName == null ? "" : firstName.strip()) + " " + (lastName == null ? "" : lastName.strip())).strip();
        return joined.isEmpty() ? null : joined;
    }

    /** The first locale, e.g. {@code ru}; null when none was given. */
    public String locale() {
        return locales == null || locales.isEmpty() ? null : locales.get(0);
    }
}
