package ru.promtour.booking.config;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import ru.promtour.booking.allocation.Allocation;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.route.RouteBooking;

/**
 * Creates the booking indexes at start (idempotent). Explicit, because two of them are correctness, not
 * speed: (operator, uuid) makes reserve idempotent, and supplier references must be unique.
 */
@Component
class MongoIndexes implements SmartInitializingSingleton {

    private final MongoOperations mongo;

    MongoIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var bookings = mongo.indexOps(Booking.COLLECTION);
        bookings.createIndex(new Index().on("operatorId", Sort.Direction.ASC).on("uuid", Sort.Direction.ASC)
                .unique().named("operator_uuid_unique"));
        bookings.createIndex(new Index().on("supplierReference", Sort.Direction.ASC).unique()
                .named("supplier_reference_unique"));
        bookings.createIndex(new Index().on("status", Sort.Direction.ASC).on("utcExpiresAt", Sort.Direction.ASC)
                .named("status_expires"));
        bookings.createIndex(new Index().on("slotId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .named("slot_status"));
        bookings.createIndex(new Index().on("enterpriseId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .named("enterprise_status"));
        bookings.createIndex(new Index().on("operatorId", Sort.Direction.ASC).on("localDate", Sort.Direction.ASC)
                .named("operator_local_date"));
        var allocations = mongo.indexOps(Allocation.COLLECTION);
        allocations.createIndex(new Index().on("status", Sort.Direction.ASC).on("releaseAt", Sort.Direction.ASC)
                .named("status_release_at"));
        allocations.createIndex(new Index().on("excursionId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .named("excursion_status"));
        mongo.indexOps(RouteBooking.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("utcUpdatedAt", Sort.Direction.ASC).named("status_updated"));
    }
}
