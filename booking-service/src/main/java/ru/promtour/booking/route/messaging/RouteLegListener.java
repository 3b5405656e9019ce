package ru.promtour.booking.route.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import ru.promtour.booking.booking.messaging.BookingEvents;
import ru.promtour.booking.booking.messaging.SeatFact;
import ru.promtour.booking.route.RouteBookings;
import ru.promtour.logging.LogFields;

/**
 * Reads the service's own {@code booking.bookings.v1}: an event of a route's leg (an approval, a decline, an expiry,
 * a cancellation — also those that did not come through the route) moves the route to the state its legs say.
 * Settling is idempotent, so a redelivery or the route's own call having done it first changes nothing.
 */
@Component
class RouteLegListener {

    static final String GROUP = "booking-service.routes";

    private final RouteBookings routes;

    RouteLegListener(RouteBookings routes) {
        this.routes = routes;
    }

    @KafkaListener(id = "booking-route-legs", topics = BookingEvents.TOPIC, groupId = GROUP)
    void on(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof SeatFact e && e.routeBookingId() != null) {
            try (LogFields.MdcScope ignored = LogFields.booking(e.routeBookingId())) {
                routes.settle(e.routeBookingId());
            }
        }
    }
}
