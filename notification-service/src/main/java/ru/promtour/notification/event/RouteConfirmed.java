package ru.promtour.notification.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code booking.RouteConfirmed.v1}: a route is confirmed on every leg. The group leader gets one message with the
 * day's plan; every leg's own {@code BookingConfirmed} (with {@code routeBookingId}) skips the leader.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RouteConfirmed(String routeBookingId, String routeId, String title, String region, String operatorId,
                             LocalDate localDate, int units, List<Leg> legs, Instant confirmedAt) implements RouteEvent {

    public RouteConfirmed {
        legs = RouteEvent.inOrder(legs);
    }

    @Override
    public Instant occurredAt() {
        return confirmedAt;
    }
}
