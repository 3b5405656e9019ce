package ru.promtour.notification.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The event-carried state of a booking's visit ({@code visit} in the booking lifecycle contracts):
 * everything a message to the group leader, the operator or the enterprise needs, as it stands after
 * the change. This service never asks another service for more.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Visit(String supplierReference, String resellerReference, String productId, Title excursionTitle,
                    Enterprise enterprise, String meetingPoint, Instant start, String localStart, String timeZone,
                    int durationMinutes, String bookingMode, Rules rules, int cancellationCutoffHours,
                    List<UnitItem> unitItems, int units, Integer visitorsNamed, Contact contact, Operator operator) {

    /** The start as local date-time with the enterprise's offset, as the producer wrote it. */
    public OffsetDateTime localStartTime() {
        return OffsetDateTime.parse(localStart);
    }

    /** The excursion title in {@code language}, Russian when there is no translation. */
    public String title(String language) {
        return "en".equals(language) && excursionTitle.en() != null && !excursionTitle.en().isBlank()
                ? excursionTitle.en() : excursionTitle.ru();
    }

    /** Whether the manifest (visitor names) is complete; unknown counts as complete. */
    public boolean manifestComplete() {
        return visitorsNamed == null || visitorsNamed >= units;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Title(String ru, String en) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enterprise(String id, String name, String city, String address, String timeZone, String email,
                             String phone) {
    }

    /**
     * Site rules shown in every message.
     *
     * @param documents {@code NONE}, {@code PASSPORT} or {@code PASSPORT_AND_BIRTH_CERTIFICATE}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rules(String ppe, boolean ppeRequired, String dressCode, boolean photoAllowed, String documents,
                        int manifestLeadDays, String accessibility) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitItem(String unitId, String type, int quantity) {
    }

    /** The group leader; absent before confirmation (an expired hold). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String fullName, String emailAddress, String phoneNumber, String locale) {
    }

    /** The reselling operator; name and email may still be null (the producer adds them later). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Operator(String id, String name, String email) {
    }
}
