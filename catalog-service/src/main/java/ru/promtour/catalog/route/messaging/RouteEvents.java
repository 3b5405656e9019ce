package ru.promtour.catalog.route.messaging;

import java.time.Instant;

import org.springframework.stereotype.Component;
import ru.promtour.catalog.excursion.messaging.ExcursionEvents;
import ru.promtour.catalog.route.Route;
import ru.promtour.messaging.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the outbox entries of a route: on the programs' topic {@code catalog.excursions.v1} (a route is a product
 * of the catalog like a program), keyed and subjected by the route id so that one route's events stay ordered.
 * Given the state AFTER the change.
 */
@Component
public class RouteEvents {

    public static final String TOPIC = ExcursionEvents.TOPIC;
    public static final String SAVED = "catalog.RouteSaved.v1";
    public static final String WITHDRAWN = "catalog.RouteWithdrawn.v1";

    private final JsonMapper json;

    public RouteEvents(JsonMapper json) {
        this.json = json;
    }

    public OutboxEvent saved(Route after, Instant at) {
        return event(SAVED, after, RouteSaved.of(after, at));
    }

    public OutboxEvent withdrawn(Route after, Instant at) {
        return event(WITHDRAWN, after, new RouteWithdrawn(after.id(), after.version(), after.ownerOperatorId(),
                after.status().name(), at));
    }

    private OutboxEvent event(String type, Route route, Object payload) {
        return OutboxEvent.of(type, TOPIC, route.id(), route.id(), payload, json);
    }
}
