package ru.promtour.messaging.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.messaging.health.MongoPingHealthIndicator;

/**
 * Registers the {@code mongo} health contributor as a {@code ping}; the bean name
 * {@code mongoHealthIndicator} makes Boot's own ({@code hello}-based) indicator back off.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, MongoOperations.class})
@ConditionalOnBean(MongoOperations.class)
@ConditionalOnEnabledHealthIndicator("mongo")
public class MongoHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoOperations mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
