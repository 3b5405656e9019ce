package ru.promtour.catalog.config;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.route.Route;
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
        // public search (CatalogSearch): active enterprises by region/industry, their published programs,
        // then the open slots of those programs by start
        mongo.indexOps(Enterprise.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("region", Sort.Direction.ASC).on("industry", Sort.Direction.ASC).named("status_region_industry"));
        mongo.indexOps(Excursion.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("enterpriseId", Sort.Direction.ASC).named("status_enterprise"));
        mongo.indexOps(Slot.COLLECTION).createIndex(new Index().on("excursionId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).on("start", Sort.Direction.ASC).named("excursion_status_start"));
        // route lists: an operator's own (and the admin's, owner null), an enterprise's by its programs
        mongo.indexOps(Route.COLLECTION).createIndex(new Index().on("ownerOperatorId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("owner_created"));
        mongo.indexOps(Route.COLLECTION).createIndex(new Index().on("legs.enterpriseId", Sort.Direction.ASC)
                .named("legs_enterprise"));
    }
}
