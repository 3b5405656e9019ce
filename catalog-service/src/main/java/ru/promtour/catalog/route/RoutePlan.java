package ru.promtour.catalog.route;

import java.time.LocalTime;
import java.util.List;

/**
 * What a caller asks a route to be; the service checks it against the catalog and fills in the legs.
 *
 * @param ownerOperatorId the admin may name the owning operator (null: the admin's own route); an operator may
 *                        only name itself
 */
public record RoutePlan(String title, String region, String ownerOperatorId, List<LegPlan> legs) {

    /** A leg as asked: the program and its window; {@code transferMinutes} null counts as 0. */
    public record LegPlan(String excursionId, LocalTime earliestLocalTime, LocalTime latestLocalTime,
                          Integer transferMinutes) {
    }
}
