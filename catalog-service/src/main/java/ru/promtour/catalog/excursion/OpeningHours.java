package ru.promtour.catalog.excursion;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import ru.promtour.catalog.shared.FieldProblem;

/**
 * When an OPENING_HOURS program takes visitors: weekly ranges per day of the week, exceptions for single dates,
 * and how many people the site takes per local date. Times are the enterprise's local {@code HH:mm}; dates are its
 * local {@code YYYY-MM-DD}. Stored as strings: Spring Data would write a {@code LocalTime} or {@code LocalDate} as an
 * instant in the JVM's zone, which means nothing here.
 *
 * @param weekly        the open ranges of each day of the week; a day not listed (or with no ranges) is closed
 * @param exceptions    dates that differ from the week: no ranges = closed (a holiday), else these ranges
 * @param dailyCapacity visitors per local date (the day slot's capacity in the seat ledger)
 */
public record OpeningHours(List<WeekDay> weekly, List<DateException> exceptions, int dailyCapacity) {

    /** More would be a timetable, not opening hours. */
    public static final int MAX_RANGES_PER_DAY = 6;
    public static final int MAX_EXCEPTIONS = 366;
    public static final int MAX_DAILY_CAPACITY = 100_000;
    private static final Pattern HH_MM = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");

    public OpeningHours {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    /** A day of the week and its open ranges. */
    public record WeekDay(DayOfWeek day, List<TimeRange> ranges) {
        public WeekDay {
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
        }
    }

    /** A date that differs from its weekday: closed when {@code ranges} is empty. */
    public record DateException(String date, List<TimeRange> ranges) {
        public DateException {
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
        }
    }

    /** One open range, {@code from} inclusive to {@code to} exclusive, local {@code HH:mm}. */
    public record TimeRange(String from, String to) {

        public LocalTime fromTime() {
            return LocalTime.parse(from);
        }

        public LocalTime toTime() {
            return LocalTime.parse(to);
        }
    }

    /** The open ranges of a local date, sorted: the date's exception if it has one, else its weekday's; empty = closed. */
    public List<TimeRange> on(LocalDate date) {
        String iso = date.toString();
        for (DateException exception : exceptions) {
            if (iso.equals(exception.date())) {
                return sorted(exception.ranges());
            }
        }
        for (WeekDay day : weekly) {
            if (day.day() == date.getDayOfWeek()) {
                return sorted(day.ranges());
            }
        }
        return List.of();
    }

    private static List<TimeRange> sorted(List<TimeRange> ranges) {
        return ranges.stream().sorted(Comparator.comparing(TimeRange::from)).toList();
    }

    /**
     * Every broken rule, each naming its field below {@code prefix} (e.g. {@code openingHours.weekly.MONDAY[1].to},
     * {@code openingHours.exceptions[0].ranges[0].from}):
     * times HH:mm, from before to, no two ranges of a day overlapping, at most {@value #MAX_RANGES_PER_DAY} a day, each
     * weekday and exception date once, some weekday open, a capacity from 1 to {@value #MAX_DAILY_CAPACITY}.
     */
    public List<FieldProblem> problems(String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (dailyCapacity < 1 || dailyCapacity > MAX_DAILY_CAPACITY) {
            problems.add(new FieldProblem(prefix + ".dailyCapacity", "must be from 1 to " + MAX_DAILY_CAPACITY));
        }
        Set<DayOfWeek> days = new HashSet<>();
        boolean someOpen = false;
        for (int i = 0; i < weekly.size(); i++) {
            WeekDay day = weekly.get(i);
            if (day == null || day.day() == null) {
                problems.add(new FieldProblem(prefix + ".weekly[" + i + "].day", "is required (MONDAY … SUNDAY)"));
                continue;
            }
            String field = prefix + ".weekly." + day.day();
            if (!days.add(day.day())) {
                problems.add(new FieldProblem(field, day.day() + " is given twice"));
            }
            someOpen |= !day.ranges().isEmpty();
            ranges(field, day.ranges(), problems);
        }
        if (!someOpen) {
            problems.add(new FieldProblem(prefix + ".weekly", "at least one day of the week must have opening hours"));
        }
        if (exceptions.size() > MAX_EXCEPTIONS) {
            problems.add(new FieldProblem(prefix + ".exceptions", "at most " + MAX_EXCEPTIONS + " dates"));
        }
        Set<String> dates = new HashSet<>();
        for (int i = 0; i < exceptions.size(); i++) {
            DateException exception = exceptions.get(i);
            String field = prefix + ".exceptions[" + i + "]";
            if (exception == null || !isDate(exception.date())) {
                problems.add(new FieldProblem(field + ".date", "must be a date YYYY-MM-DD"));
                continue;
            }
            if (!dates.add(exception.date())) {
                problems.add(new FieldProblem(field + ".date", exception.date() + " is given twice"));
            }
            ranges(field + ".ranges", exception.ranges(), problems);
        }
        return problems;
    }

    private static void ranges(String field, List<TimeRange> ranges, List<FieldProblem> problems) {
        if (ranges.size() > MAX_RANGES_PER_DAY) {
            problems.add(new FieldProblem(field, "at most " + MAX_RANGES_PER_DAY + " ranges a day"));
        }
        List<TimeRange> valid = new ArrayList<>();
        for (int j = 0; j < ranges.size(); j++) {
            TimeRange range = ranges.get(j);
            String at = field + "[" + j + "]";
            if (range == null) {
                problems.add(new FieldProblem(at, "must be {from, to}"));
                continue;
            }
            boolean fromOk = time(at + ".from", range.from(), problems);
            boolean toOk = time(at + ".to", range.to(), problems);
            if (fromOk && toOk) {
                if (range.from().compareTo(range.to()) >= 0) {
                    problems.add(new FieldProblem(at + ".to", "must be after from (" + range.from() + ")"));
                }
                else {
                    valid.add(range);
                }
            }
        }
        List<TimeRange> byStart = sorted(valid);
        for (int j = 1; j < byStart.size(); j++) {
            TimeRange before = byStart.get(j - 1);
            TimeRange next = byStart.get(j);
            if (next.from().compareTo(before.to()) < 0) {
                problems.add(new FieldProblem(field, next.from() + "–" + next.to() + " overlaps "
                        + before.from() + "–" + before.to()));
            }
        }
    }

    private static boolean time(String field, String value, List<FieldProblem> problems) {
        if (value == null || !HH_MM.matcher(value).matches()) {
            problems.add(new FieldProblem(field, "must be a local time HH:mm (00:00 to 23:59)"));
            return false;
        }
        return true;
    }

    private static boolean isDate(String value) {
        if (value == null || !value.matches("^\\d{4}-\\d{2}-\\d{2}$")) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        }
        catch (DateTimeException ex) {
            return false;
        }
    }
}
