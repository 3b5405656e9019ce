package ru.promtour.booking.booking;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A visitor's identity document for secure sites (a PromTour extension of OCTO's unit item: {@code visitor}).
 * Personal data: shown only to the owning enterprise (manifest) and the booking's operator, never logged,
 * removed a configured number of days after the visit.
 *
 * @param documentType PASSPORT or BIRTH_CERTIFICATE
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Visitor(LocalDate birthDate, String documentType, String documentNumber) {

    public static final String PASSPORT = "PASSPORT";
    public static final String BIRTH_CERTIFICATE = "BIRTH_CERTIFICATE";

    /** Whether this satisfies the program's {@code documents} rule (NONE, PASSPORT, PASSPORT_AND_BIRTH_CERTIFICATE). */
    boolean satisfies(String documents) {
        if (documents == null || "NONE".equals(documents)) {
            return true;
        }
        if (documentNumber == null || documentNumber.isBlank() || documentType == null) {
            return false;
        }
        return PASSPORT.equals(documentType) || "PASSPORT_AND_BIRTH_CERTIFICATE".equals(documents);
    }
}
