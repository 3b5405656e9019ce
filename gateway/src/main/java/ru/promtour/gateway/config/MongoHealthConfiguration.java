package ru.promtour.gateway.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Mongo health by {@code ping}: Boot's indicator sends {@code hello}, which the embedded Mongo-wire store
 * does not implement; {@code ping} is answered by it and by every real MongoDB alike.
 */
@Configuration(proxyBeanMethods = false)
class MongoHealthConfiguration {

    // the bean name replaces Boot's own indicator, which backs off for it
    @Bean
    ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new AbstractReactiveHealthIndicator("MongoDB health check failed") {
            @Override
            protected Mono<Health> doHealthCheck(Health.Builder builder) {
                return mongo.getMongoDatabase().flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
                    .map(reply -> builder.up().withDetail("database", db.getName()).build()));
            }
        };
    }
}
