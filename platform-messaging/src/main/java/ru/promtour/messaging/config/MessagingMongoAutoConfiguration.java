package ru.promtour.messaging.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.messaging.consumer.IdempotentConsumer;
import ru.promtour.messaging.outbox.OutboxCollections;
import ru.promtour.messaging.outbox.OutboxRelay;
import ru.promtour.messaging.outbox.OutboxRelayTimer;

/**
 * MongoDB side of the backbone: the {@link OutboxRelay} (fast path), its {@link OutboxRelayTimer}
 * (safety net over the registered collections) and the {@link IdempotentConsumer}.
 */
@AutoConfiguration(after = MessagingKafkaAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoOperations.class)
@ConditionalOnBean(MongoOperations.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingMongoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MessagingProducerFactories.class)
    OutboxRelay outboxRelay(MongoOperations mongo, MessagingProducerFactories producers,
            MessagingProperties properties, Environment environment, ObjectProvider<ObservationRegistry> observations) {
        MessagingProperties.Outbox outbox = properties.outbox();
        OutboxRelay relay = new OutboxRelay(mongo, producers.stringTemplate(), source(properties, environment),
                outbox.sendTimeout(), outbox.staleAfter(), outbox.batchSize());
        observations.ifAvailable(relay::observeWith);
        return relay;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(OutboxRelay.class)
    @ConditionalOnProperty(prefix = "platform.messaging.outbox", name = "timer-enabled", matchIfMissing = true)
    OutboxRelayTimer outboxRelayTimer(OutboxRelay relay, MongoOperations mongo, MessagingProperties properties,
            ObjectProvider<OutboxCollections> beans) {
        return new OutboxRelayTimer(relay, mongo, () -> outboxCollections(properties, beans),
                properties.outbox().relayInterval());
    }

    /** The collections named by the property and by every {@link OutboxCollections} bean. */
    static List<String> outboxCollections(MessagingProperties properties, ObjectProvider<OutboxCollections> beans) {
        Set<String> names = new LinkedHashSet<>(properties.outbox().collections());
        beans.orderedStream().forEach(c -> names.addAll(c.names()));
        return List.copyOf(names);
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(MongoOperations mongo, MessagingProperties properties) {
        return new IdempotentConsumer(mongo, properties.consumer().processedEventTtl());
    }

    static String source(MessagingProperties properties, Environment environment) {
        if (properties.source() != null && !properties.source().isBlank()) {
            return properties.source();
        }
        return "/" + environment.getProperty("spring.application.name", "application");
    }
}
