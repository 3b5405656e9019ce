package ru.promtour.notification.booking;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import ru.promtour.notification.event.RouteCancelled;
import ru.promtour.notification.event.RouteConfirmed;
import ru.promtour.notification.event.RouteEvent;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The route booking projection: one upsert per route event, guarded by the event time like {@link Bookings}. */
@Component
public class Routes {

    private final MongoOperations mongo;

    public Routes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Applies one event; an event older than the stored state changes nothing, and a confirmation is never forgotten. */
    public void apply(RouteEvent event, Instant eventTime) {
        Update update = new Update().set("routeId", event.routeId()).set("operatorId", event.operatorId())
                .set("lastEventAt", eventTime);
        if (event instanceof RouteConfirmed) {
            update.set("status", RouteView.RouteStatus.CONFIRMED).set("confirmedAt", eventTime);
        }
        else if (event instanceof RouteCancelled) {
            update.set("status", RouteView.RouteStatus.CANCELLED);
        }
        Criteria notNewer = new Criteria().orOperator(where("lastEventAt").lte(eventTime), where("lastEventAt").exists(false));
        try {
            mongo.upsert(query(where("_id").is(event.routeBookingId()).andOperator(notNewer)), update, RouteView.class);
        }
        catch (DuplicateKeyException ex) {
            // the route exists with a newer event: this one is stale
        }
    }

    public Optional<RouteView> find(String routeBookingId) {
        return Optional.ofNullable(mongo.findById(routeBookingId, RouteView.class));
    }

    /** Whether the route's group leader was told it is confirmed (so a cancellation is news to them too). */
    public boolean wasConfirmed(String routeBookingId) {
        return find(routeBookingId).map(route -> route.confirmedAt() != null).orElse(false);
    }
}
