package ru.promtour.catalog.route;

/** A route is sold while {@code ACTIVE}; a withdrawn one is kept (bookings name it) but no longer offered. */
public enum RouteStatus {
    ACTIVE, WITHDRAWN
}
