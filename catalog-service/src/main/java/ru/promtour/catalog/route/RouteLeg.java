package ru.promtour.catalog.route;

import java.time.LocalTime;

import ru.promtour.catalog.excursion.ExcursionProgram;

/**
 * One visit of a route, with what a group leader needs to know of it, copied from the program and its enterprise
 * when the route is saved.
 *
 * @param position          1 for the first visit
 * @param earliestLocalTime the visit starts at this local time ({@code HH:mm}) or later ...
 * @param latestLocalTime   ... and at this one or earlier
 * @param transferMinutes   at least this many minutes between the end of the previous visit (its start + its
 *                          duration) and the start of this one; 0 for the first
 */
public record RouteLeg(int position, String excursionId, String enterpriseId, String enterpriseName, String address,
                       String title, String earliestLocalTime, String latestLocalTime, int transferMinutes,
                       int durationMinutes, String meetingPoint, int minAge, String bookingMode,
                       ExcursionProgram.Rules rules) {

    public LocalTime earliest() {
        return LocalTime.parse(earliestLocalTime);
    }

    public LocalTime latest() {
        return LocalTime.parse(latestLocalTime);
    }
}
