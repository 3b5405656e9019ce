package ru.promtour.catalog.route.messaging;

import java.time.Instant;
import java.util.List;

import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.route.Route;
import ru.promtour.catalog.route.RouteLeg;

/**
 * {@code catalog.RouteSaved.v1}: a route was created or changed; carries the whole route (event-carried state), so
 * booking-service can hold every leg and notification-service can tell the group the day's plan without calling
 * the catalog. {@code version} grows with every write of the route: a consumer keeps the newest.
 */
public record RouteSaved(String id, long version, String title, String region, String timeZone,
                         String ownerOperatorId, String status, List<Leg> legs, Instant at) {

    /**
     * One visit: the program, its window of local start times and the minimum transfer from the previous visit's
     * end, with what the visitors must know (meeting point, address, minimum age, PPE and documents).
     */
    public record Leg(int position, String excursionId, String enterpriseId, String enterpriseName, String address,
                      String title, String earliestLocalTime, String latestLocalTime, int transferMinutes,
                      int durationMinutes, String meetingPoint, int minAge, String bookingMode, Rules rules) {
    }

    public record Rules(String ppe, boolean ppeRequired, String dressCode, boolean photoAllowed, String documents,
                        int manifestLeadDays, String accessibility) {
    }

    static RouteSaved of(Route route, Instant at) {
        return new RouteSaved(route.id(), route.version(), route.title(), route.region(), route.timeZone(),
                route.ownerOperatorId(), route.status().name(), route.legs().stream().map(RouteSaved::leg).toList(), at);
    }

    private static Leg leg(RouteLeg l) {
        ExcursionProgram.Rules r = l.rules();
        return new Leg(l.position(), l.excursionId(), l.enterpriseId(), l.enterpriseName(), l.address(), l.title(),
                l.earliestLocalTime(), l.latestLocalTime(), l.transferMinutes(), l.durationMinutes(), l.meetingPoint(),
                l.minAge(), l.bookingMode(), r == null ? null : new Rules(r.ppe(), r.ppeRequired(), r.dressCode(),
                r.photoAllowed(), r.documents() == null ? "NONE" : r.documents().name(), r.manifestLeadDays(),
                r.accessibility()));
    }
}
