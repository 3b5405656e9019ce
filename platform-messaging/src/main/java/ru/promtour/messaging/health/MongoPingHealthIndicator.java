package ru.promtour.messaging.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * MongoDB health by {@code ping} on the service's own database. Boot's indicator sends {@code hello},
 * which the embedded Mongo-wire store does not implement; {@code ping} is answered by it and by every
 * real MongoDB alike. The outbox and the processed-event log live in this database, so it is part of
 * the messaging backbone's health.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoOperations mongo;

    public MongoPingHealthIndicator(MongoOperations mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String database = mongo.execute(db -> {
            db.runCommand(new Document("ping", 1));
            return db.getName();
        });
        builder.up().withDetail("database", database);
    }
}
