package ru.promtour.notification.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code booking.RouteCancelled.v1}: a route booking ended on every leg before its day.
 *
 * @param cause {@code CANCELLED} (by the operator), {@code DECLINED} (a leg's enterprise declined), {@code EXPIRED}
 *              (the hold ran out) or {@code SLOT_CANCELLED} (a leg's slot was cancelled by its enterprise)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RouteCancelled(String routeBookingId, String routeId, String title, String region, String operatorId,
                             LocalDate localDate, int units, List<Leg> legs, Instant cancelledAt, String cause,
                             String reason) implements RouteEvent {

    public RouteCancelled {
        legs = RouteEvent.inOrder(legs);
    }

    @Override
    public Instant occurredAt() {
        return cancelledAt;
    }
}
