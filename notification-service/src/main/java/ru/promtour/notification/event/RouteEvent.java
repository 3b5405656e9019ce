package ru.promtour.notification.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A route booking's event (issue 16, ADR 0005): several excursions on one day booked all-or-nothing, each leg an
 * ordinary booking of its own. The group leader is told about the route once, from these events, instead of about
 * each leg; the enterprises and the operator keep their per-leg messages.
 */
public sealed interface RouteEvent permits RouteConfirmed, RouteCancelled {

    String routeBookingId();

    String routeId();

    /** The route's title as the operator or the catalog named it (one language). */
    String title();

    /** The region the route is in; may be null. */
    String region();

    String operatorId();

    /** The day of the route, in the legs' local time. */
    LocalDate localDate();

    int units();

    /** The legs in the order of the day (by {@code position}). */
    List<Leg> legs();

    /** When it happened, by the producer's clock. */
    Instant occurredAt();

    /** The first leg's visit: the group leader, the operator and the time zone are the same on every leg. */
    default Visit firstVisit() {
        return legs().get(0).visit();
    }

    /** Sorts the legs by position: the plan is read in the order of the day whatever order the producer wrote. */
    static List<Leg> inOrder(List<Leg> legs) {
        return legs == null ? List.of() : legs.stream().sorted(Comparator.comparingInt(Leg::position)).toList();
    }

    /** One excursion of the route: its booking, slot and everything a message shows about it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Leg(int position, String bookingId, String slotId, Visit visit) {
    }
}
