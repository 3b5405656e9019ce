package ru.promtour.notification.config;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Timers run on every instance; ShedLock (collection {@code shedLock} in this service's database) lets one
 * of them do each round. Single-document conditional upserts, so it behaves the same on the embedded
 * store and on MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(MongoDatabaseFactory mongo) {
        return new MongoLockProvider(mongo.getMongoDatabase());
    }
}
