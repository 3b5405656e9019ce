package ru.promtour.catalog.excursion;

import java.util.List;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * What a visit involves: the editable content of an excursion program.
 *
 * @param title                   Russian title (required)
 * @param titleEn                 optional English title
 * @param languages               ISO 639-1 codes of the guide's languages
 * @param minUnits                fewest units (people) per booking
 * @param maxUnits                most units (people) per booking
 * @param bookingCutoffHours      bookings close this many hours before the start (enterprise's zone)
 * @param cancellationCutoffHours free cancellation ends this many hours before the start
 * @param availabilityType        START_TIME (slots at start times; also a program stored before the field) or
 *                                OPENING_HOURS (one day slot per open local date, see {@link OpeningHours})
 * @param openingHours            OPENING_HOURS only: the hours, exceptions and daily capacity
 */
public record ExcursionProgram(String title, String titleEn, String description, String descriptionEn,
                               int durationMinutes, List<String> languages, int minAge, BookingMode bookingMode,
                               String meetingPoint, Rules rules, List<Unit> units, int minUnits, int maxUnits,
                               int bookingCutoffHours, int cancellationCutoffHours,
                               AvailabilityType availabilityType, OpeningHours openingHours) {

    @PersistenceCreator
    public ExcursionProgram {
        availabilityType = availabilityType == null ? AvailabilityType.START_TIME : availabilityType;
    }

    /** A START_TIME program. */
    public ExcursionProgram(String title, String titleEn, String description, String descriptionEn,
                            int durationMinutes, List<String> languages, int minAge, BookingMode bookingMode,
                            String meetingPoint, Rules rules, List<Unit> units, int minUnits, int maxUnits,
                            int bookingCutoffHours, int cancellationCutoffHours) {
        this(title, titleEn, description, descriptionEn, durationMinutes, languages, minAge, bookingMode, meetingPoint,
                rules, units, minUnits, maxUnits, bookingCutoffHours, cancellationCutoffHours, AvailabilityType.START_TIME,
                null);
    }

    public boolean openingHoursProduct() {
        return availabilityType == AvailabilityType.OPENING_HOURS;
    }

    /** INSTANT confirms at once; ON_REQUEST waits for the enterprise to approve the group. */
    public enum BookingMode { INSTANT, ON_REQUEST }

    /** Identity documents every visitor must show (secure sites need passports, children birth certificates). */
    public enum Documents { NONE, PASSPORT, PASSPORT_AND_BIRTH_CERTIFICATE }

    public enum UnitType { ADULT, CHILD, STUDENT, SENIOR, ACCOMPANYING_ADULT }

    /**
     * Site rules visitors are told about.
     *
     * @param ppe              protective equipment supplied, as free text ("Халат и шапочка выдаются")
     * @param ppeRequired      whether visitors may not enter without it
     * @param manifestLeadDays the visitor list must reach the enterprise this many days before the visit
     */
    public record Rules(String ppe, boolean ppeRequired, String dressCode, boolean photoAllowed,
                        Documents documents, int manifestLeadDays, String accessibility) {
    }

    /**
     * A priced kind of visitor.
     *
     * @param id                          stable id operators book by, e.g. {@code adult}
     * @param price                       in kopecks
     * @param freeAccompanyingPerChildren one accompanying adult goes free per this many children
     */
    public record Unit(String id, UnitType type, Integer minAge, Integer maxAge, long price,
                       Integer freeAccompanyingPerChildren) {
    }
}
