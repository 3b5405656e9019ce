package ru.promtour.catalog.route;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A day route: two to six published programs of one region, visited in order on one local date. Writes are
 * conditional on {@code version} and carry their events in the document's {@code outbox}, as an excursion's do.
 *
 * @param ownerOperatorId the operator that owns it (only it and the admin change it); null for the admin's own
 *                        routes, which every operator may sell
 * @param timeZone        the zone of every leg's enterprise: the local times of the windows are read in it
 * @param legs            by position; each a snapshot of its program as of the last save
 */
@Document(Route.COLLECTION)
public record Route(@Id String id, String title, String region, String ownerOperatorId, RouteStatus status,
                    String timeZone, long version, List<RouteLeg> legs, Instant createdAt, Instant updatedAt) {

    public static final String COLLECTION = "routes";
    public static final int MIN_LEGS = 2;
    public static final int MAX_LEGS = 6;

    public Route {
        legs = legs == null ? List.of() : List.copyOf(legs);
    }

    public boolean active() {
        return status == RouteStatus.ACTIVE;
    }

    /** Sold to every operator (the admin's) or to this one only. */
    public boolean offeredTo(String operatorId) {
        return ownerOperatorId == null || ownerOperatorId.equals(operatorId);
    }
}
