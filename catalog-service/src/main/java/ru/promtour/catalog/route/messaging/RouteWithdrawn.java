package ru.promtour.catalog.route.messaging;

import java.time.Instant;

/** {@code catalog.RouteWithdrawn.v1}: the route is no longer sold; bookings made on it stay. */
public record RouteWithdrawn(String id, long version, String ownerOperatorId, String status, Instant at) {
}
