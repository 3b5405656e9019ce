package ru.promtour.catalog.route.web;

import java.time.Instant;
import java.util.List;

import ru.promtour.catalog.route.Route;
import ru.promtour.catalog.route.RouteLeg;

/** A route as the API shows it; {@code ownerOperatorId} is null for the admin's routes. */
public record RouteResponse(String id, String title, String region, String ownerOperatorId, String status,
                            String timeZone, long version, List<RouteLeg> legs, Instant createdAt, Instant updatedAt) {

    static RouteResponse of(Route r) {
        return new RouteResponse(r.id(), r.title(), r.region(), r.ownerOperatorId(), r.status().name(), r.timeZone(),
                r.version(), r.legs(), r.createdAt(), r.updatedAt());
    }

    /** One page of routes. */
    public record Page(List<RouteResponse> items, int page, int size, long total) {
    }
}
