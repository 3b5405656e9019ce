package ru.promtour.booking.booking;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** OCTO's {@code BookingContact}: the group leader on a booking, or one visitor on a unit item. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(String fullName, String firstName, String lastName, String emailAddress, String phoneNumber,
                      List<String> locales, String postalCode, String country, String notes) {

    /**
     * Reads OCTO's {@code locales} and also a single {@code locale} (the name issue 5 gives the field), so a
     * client written against either is understood; {@code locales} wins when both are present.
     */
    @JsonCreator
    static Contact fromJson(@JsonProperty("fullName") String fullName, @JsonProperty("firstName") String firstName,
                            @JsonProperty("lastName") String lastName, @JsonProperty("emailAddress") String emailAddress,
                            @JsonProperty("phoneNumber") String phoneNumber, @JsonProperty("locales") List<String> locales,
                            @JsonProperty("locale") String locale, @JsonProperty("postalCode") String postalCode,
                            @JsonProperty("country") String country, @JsonProperty("notes") String notes) {
        List<String> effective = (locales == null || locales.isEmpty()) && locale != null && !locale.isBlank()
                ? List.of(locale) : locales;
        return new Contact(fullName, firstName, lastName, emailAddress, phoneNumber, effective, postalCode, country, notes);
    }

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

    /** This contact, with {@code [locale]} as its locales when it names none. */
    public Contact withDefaultLocale(String locale) {
        return locale() != null ? this
                : new Contact(fullName, firstName, lastName, emailAddress, phoneNumber, List.of(locale), postalCode, country, notes);
    }
}
