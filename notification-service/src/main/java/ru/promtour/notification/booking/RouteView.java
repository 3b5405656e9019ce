package ru.promtour.notification.booking;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's copy of a route booking (issue 16): whose it is, and whether its group leader was ever told it is
 * confirmed — a route cancelled before that (an expired hold, a declined leg) is news to the operator only. No personal
 * data: the legs' bookings keep the visit.
 *
 * @param confirmedAt when the route was confirmed (the group leader got the plan); null while it never was
 * @param lastEventAt time of the newest event applied; older redeliveries are ignored
 */
@Document(RouteView.COLLECTION)
public record RouteView(@Id String id, String routeId, String operatorId, RouteStatus status, Instant confirmedAt,
                        Instant lastEventAt) {

    public static final String COLLECTION = "routes";

    /** Where a route booking stands as far as messages care. */
    public enum RouteStatus {
        CONFIRMED, CANCELLED
    }
}
