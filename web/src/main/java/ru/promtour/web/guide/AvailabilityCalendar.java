package ru.promtour.web.guide;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A programme's next {@value #DAYS} days as a month-style grid: weeks of Monday..Sunday, each day with its slots. The
 * days are the enterprise's local dates (a slot belongs to the date its local start names), counted from the
 * enterprise's today; the cells before the first day and after the last only pad the weeks.
 *
 * @param first the enterprise's today
 * @param last  the last day shown
 */
public record AvailabilityCalendar(LocalDate first, LocalDate last, List<Week> weeks) {

    /** Days shown: the catalog's detail answers this many days ahead. */
    static final int DAYS = 30;

    static AvailabilityCalendar of(LocalDate today, List<Map<String, Object>> availability) {
        LocalDate last = today.plusDays(DAYS - 1L);
        Map<LocalDate, List<Map<String, Object>>> byDate = new LinkedHashMap<>();
        for (Map<String, Object> slot : availability) {
            OffsetDateTime start = GuideFormat.start(slot);
            if (start != null) {
                byDate.computeIfAbsent(start.toLocalDate(), d -> new ArrayList<>()).add(slot);
            }
        }
        List<Week> weeks = new ArrayList<>();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate weekStart = monday; !weekStart.isAfter(last); weekStart = weekStart.plusWeeks(1)) {
            List<Day> days = new ArrayList<>(7);
            for (int i = 0; i < 7; i++) {
                LocalDate date = weekStart.plusDays(i);
                boolean shown = !date.isBefore(today) && !date.isAfter(last);
                days.add(new Day(date, shown, shown ? byDate.getOrDefault(date, List.of()) : List.of()));
            }
            weeks.add(new Week(days));
        }
        return new AvailabilityCalendar(today, last, weeks);
    }

    /** The column heads, Monday first as in Russian calendars. */
    public List<DayOfWeek> weekdays() {
        return List.of(DayOfWeek.values());
    }

    /** Monday to Sunday. */
    public record Week(List<Day> days) {
    }

    /**
     * One cell.
     *
     * @param shown false for a cell that only pads a week (before today or after the last day)
     * @param slots the API's slots of that local date, by start
     */
    public record Day(LocalDate date, boolean shown, List<Map<String, Object>> slots) {

        public String iso() {
            return date.toString();
        }
    }
}
