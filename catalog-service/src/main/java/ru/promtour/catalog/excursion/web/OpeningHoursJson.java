package ru.promtour.catalog.excursion.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.Size;
import ru.promtour.catalog.excursion.OpeningHours;
import ru.promtour.catalog.excursion.OpeningHours.TimeRange;
import ru.promtour.catalog.shared.FieldProblem;

/**
 * {@code openingHours} of an OPENING_HOURS program in the enterprise API, request and response alike:
 * <pre>{"weekly": {"MONDAY": [{"from":"10:00","to":"13:00"}, {"from":"14:00","to":"18:00"}]},
 *  "exceptions": [{"date":"2026-12-31","closed":true}, {"date":"2027-01-02","ranges":[{"from":"12:00","to":"16:00"}]}],
 *  "dailyCapacity": 200}</pre>
 * A weekday left out is closed. The rules (HH:mm, from before to, no overlaps, …) are {@link OpeningHours#problems}.
 */
public record OpeningHoursJson(Map<DayOfWeek, List<TimeRange>> weekly,
                               @Size(max = OpeningHours.MAX_EXCEPTIONS) List<ExceptionJson> exceptions,
                               Integer dailyCapacity) {

    /** One date: {@code closed: true} (a holiday) or its own {@code ranges}. */
    public record ExceptionJson(String date, Boolean closed, List<TimeRange> ranges) {
    }

    static OpeningHoursJson of(OpeningHours hours) {
        if (hours == null) {
            return null;
        }
        Map<DayOfWeek, List<TimeRange>> weekly = new TreeMap<>();
        hours.weekly().forEach(d -> weekly.put(d.day(), d.ranges()));
        List<ExceptionJson> exceptions = hours.exceptions().stream()
                .map(e -> new ExceptionJson(e.date(), e.ranges().isEmpty(), e.ranges())).toList();
        return new OpeningHoursJson(weekly, exceptions, hours.dailyCapacity());
    }

    /** The domain value, or the problems that make it none (fields below {@code openingHours}). */
    OpeningHours toOpeningHours(List<FieldProblem> problems) {
        List<OpeningHours.WeekDay> days = new ArrayList<>();
        new TreeMap<>(weekly == null ? Map.<DayOfWeek, List<TimeRange>>of() : weekly)
                .forEach((day, ranges) -> days.add(new OpeningHours.WeekDay(day, ranges)));
        List<OpeningHours.DateException> dates = new ArrayList<>();
        List<ExceptionJson> given = exceptions == null ? List.of() : exceptions;
        for (int i = 0; i < given.size(); i++) {
            ExceptionJson e = given.get(i);
            if (e == null) {
                problems.add(new FieldProblem("openingHours.exceptions[" + i + "]", "must be {date, closed | ranges}"));
                continue;
            }
            boolean closed = Boolean.TRUE.equals(e.closed());
            boolean ranged = e.ranges() != null && !e.ranges().isEmpty();
            if (closed == ranged) {
                problems.add(new FieldProblem("openingHours.exceptions[" + i + "]",
                        "give either closed: true or the date's ranges"));
            }
            dates.add(new OpeningHours.DateException(e.date(), closed ? List.of() : e.ranges()));
        }
        OpeningHours hours = new OpeningHours(days, dates, dailyCapacity == null ? 0 : dailyCapacity);
        problems.addAll(hours.problems("openingHours"));
        return hours;
    }
}
