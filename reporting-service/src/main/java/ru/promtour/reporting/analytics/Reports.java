package ru.promtour.reporting.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The analytics' answers: one row per group and a total over all of them (same shape, key {@code TOTAL}). */
public final class Reports {

    private Reports() {
    }

    public static final String TOTAL = "TOTAL";

    /** A report: what it counted and its rows. */
    public record Report<R>(String report, LocalDate from, LocalDate to, String groupBy, String region,
                            String industry, String enterpriseId, List<R> rows, R total) {
    }

    /**
     * Visitors and bookings with a visit in the period.
     *
     * @param bookings         confirmed bookings (no-shows included: the seats were sold)
     * @param units            their units
     * @param visitors         units of the groups that came (visit started, not marked a no-show)
     * @param expectedVisitors units of confirmed groups whose visit is still ahead
     * @param children         units of child types among {@code units}
     * @param adults           the other units
     * @param schoolGroups     bookings with children (school career-guidance classes)
     * @param noShows          bookings marked no-show
     */
    public record VisitorsRow(String key, String label, long bookings, long units, long visitors,
                              long expectedVisitors, long children, long adults, long schoolGroups, long noShows) {
    }

    /**
     * Seats sold against seats offered, over the slots of the period that were not cancelled.
     *
     * @param sold     units of confirmed bookings on those slots
     * @param fillRate sold / capacity, 4 decimals (0 without capacity)
     */
    public record FillRateRow(String key, String label, long slots, long capacity, long sold, double fillRate) {
    }

    /**
     * Days from booking to visit, over confirmed bookings with a visit in the period.
     *
     * @param buckets bookings made 0–7, 8–30, 31–90 and over 90 days ahead
     */
    public record LeadTimeRow(String key, String label, long bookings, double averageDays, double medianDays,
                              double p90Days, Map<String, Long> buckets) {
    }

    /**
     * Bookings of the period that did not become visits, by what happened.
     *
     * @param lateCancellations   operator cancellations inside the cancellation window (charged), a part of
     *                            {@code cancelledByOperator}
     * @param noShowCauses        no-shows by the cause the enterprise gave
     */
    public record CancellationsRow(String key, String label, long bookings, long units, long cancelledByOperator,
                                   long lateCancellations, long cancelledBySupplier, long declined, long expired,
                                   long noShows, Map<String, Long> noShowCauses) {
    }

    /** A program's place among the period's most visited. */
    public record TopProgramRow(int rank, String programId, String title, String enterpriseId, String enterpriseName,
                                String region, String industry, long bookings, long visitors, long expectedVisitors,
                                long capacity, long sold, double fillRate) {
    }
}
