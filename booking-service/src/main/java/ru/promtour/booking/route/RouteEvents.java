package ru.promtour.booking.route;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Component;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.messaging.BookingEvents;
import ru.promtour.booking.booking.messaging.Visit;
import ru.promtour.messaging.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code booking.RouteConfirmed.v1} and {@code booking.RouteCancelled.v1} on {@code booking.bookings.v1} (key = the
 * first leg's slot, subject = the route booking): the day's plan, each leg's visit in order, for the group leader's
 * one message (contracts/booking.Route*.v1.schema.json).
 */
@Component
class RouteEvents {

    static final String CONFIRMED = "booking.RouteConfirmed.v1";
    static final String CANCELLED = "booking.RouteCancelled.v1";

    private final BookingEvents bookingEvents;
    private final JsonMapper json;

    RouteEvents(BookingEvents bookingEvents, JsonMapper json) {
        this.bookingEvents = bookingEvents;
        this.json = json;
    }

    OutboxEvent confirmed(RouteBooking r, List<Booking> legs, Instant at) {
        return OutboxEvent.of(CONFIRMED, BookingEvents.TOPIC, r.legs().get(0).slotId(), r.id(),
                new RouteConfirmed(r.id(), r.routeId(), r.title(), r.region(), r.operatorId(), r.localDate(), r.units(),
                        legs(r, legs), at), json);
    }

    /** @param cause CANCELLED, DECLINED, EXPIRED or SLOT_CANCELLED */
    OutboxEvent cancelled(RouteBooking r, List<Booking> legs, String cause, String reason, Instant at) {
        return OutboxEvent.of(CANCELLED, BookingEvents.TOPIC, r.legs().get(0).slotId(), r.id(),
                new RouteCancelled(r.id(), r.routeId(), r.title(), r.region(), r.operatorId(), r.localDate(), r.units(),
                        legs(r, legs), at, cause, reason), json);
    }

    private List<Leg> legs(RouteBooking r, List<Booking> bookings) {
        List<Leg> legs = new ArrayList<>();
        for (int i = 0; i < r.legs().size(); i++) {
            RouteBooking.Leg leg = r.legs().get(i);
            legs.add(new Leg(leg.position(), leg.bookingId(), leg.slotId(), bookingEvents.visit(bookings.get(i))));
        }
        return legs;
    }

    record Leg(int position, String bookingId, String slotId, Visit visit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RouteConfirmed(String routeBookingId, String routeId, String title, String region, String operatorId,
                          String localDate, int units, List<Leg> legs, Instant confirmedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RouteCancelled(String routeBookingId, String routeId, String title, String region, String operatorId,
                          String localDate, int units, List<Leg> legs, Instant cancelledAt, String cause, String reason) {
    }
}
