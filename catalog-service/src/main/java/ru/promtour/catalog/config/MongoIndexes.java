package ru.promtour.catalog.config;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.slot.Slot;

/**
 * Creates the catalog's indexes at start (idempotent). Explicit rather than auto-index-creation, so the
 * unique index that makes schedules idempotent cannot be switched off by a property.
 */
@Component
class MongoIndexes implements SmartInitializingSingleton {

    private final MongoOperations mongo;

    MongoIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // one slot per excursion and start: a repeated schedule skips what exists
        mongo.indexOps(Slot.COLLECTION).createIndex(new Index().on("excursionId", Sort.Direction.ASC)
                .on("start", Sort.Direction.ASC).unique().named("excursion_start_unique"));
        mongo.indexOps(Slot.COLLECTION).createIndex(new Index().on("enterpriseId", Sort.Direction.ASC)
                .on("start", Sort.Direction.ASC).named("enterprise_start"));
        mongo.indexOps(Excursion.COLLECTION).createIndex(new Index().on("enterpriseId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("enterprise_created"));
    }
}
