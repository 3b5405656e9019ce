package ru.promtour.booking.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of a published excursion program the booking service needs: the {@code excursion} object of
 * {@code catalog.ExcursionPublished.v1} / {@code ExcursionUpdated.v1}, stored as it came (tolerant reader:
 * fields the catalog adds later are ignored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Program(Text title, EnterpriseInfo enterprise, int durationMinutes, String bookingMode,
                      String meetingPoint, Rules rules, List<Unit> units, int minUnits, int maxUnits,
                      int bookingCutoffHours, int cancellationCutoffHours) {

    public static final String ON_REQUEST = "ON_REQUEST";

    public boolean onRequest() {
        return ON_REQUEST.equals(bookingMode);
    }

    /** The unit with this id, or null. */
    public Unit unit(String unitId) {
        return units == null ? null : units.stream().filter(u -> u.id().equals(unitId)).findFirst().orElse(null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String ru, String en) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnterpriseInfo(String id, String name, String city, String address, String timeZone, String email,
                                 String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rules(String ppe, boolean ppeRequired, String dressCode, boolean photoAllowed, String documents,
                        int manifestLeadDays, String accessibility) {
    }

    /**
     * @param freeAccompanyingPerChildren on an accompanying-adult unit: one goes free per this many children
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String id, String type, Integer minAge, Integer maxAge, Integer freeAccompanyingPerChildren) {

        public boolean child() {
            return "CHILD".equals(type);
        }

        public boolean accompanying() {
            return "ACCOMPANYING_ADULT".equals(type);
        }
    }
}
