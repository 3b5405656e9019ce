package ru.promtour.messaging.config;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import ru.promtour.messaging.metrics.ConsumerLagMetrics;
import ru.promtour.messaging.metrics.MetricsPoller;
import ru.promtour.messaging.metrics.OutboxMetrics;
import ru.promtour.messaging.metrics.PolledMeters;
import ru.promtour.messaging.outbox.OutboxCollections;

/**
 * The backbone's gauges when Micrometer is on the class path: {@code outbox.backlog}/{@code outbox.oldest.age} per
 * outbox collection, {@code kafka.consumer.group.lag} per group and partition and {@code dlt.records} per dead-letter
 * topic, refreshed every {@code platform.messaging.metrics.poll-interval} (15 s) by one {@link MetricsPoller}.
 * Boot binds the {@link MeterBinder} beans to its registry.
 */
@AutoConfiguration(after = {MessagingMongoAutoConfiguration.class, KafkaAutoConfiguration.class},
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MeterBinder.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingMetricsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoOperations.class)
    @ConditionalOnBean(MongoOperations.class)
    static class Outbox {

        @Bean
        @ConditionalOnMissingBean
        OutboxMetrics outboxMetrics(MongoOperations mongo, MessagingProperties properties,
                ObjectProvider<OutboxCollections> collections) {
            return new OutboxMetrics(mongo,
                    () -> MessagingMongoAutoConfiguration.outboxCollections(properties, collections), Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaAdmin.class)
    @ConditionalOnBean(KafkaAdmin.class)
    static class Consumers {

        @Bean
        @ConditionalOnMissingBean
        ConsumerLagMetrics consumerLagMetrics(KafkaAdmin kafkaAdmin, MessagingProperties properties,
                ObjectProvider<KafkaListenerEndpointRegistry> listeners, Environment environment) {
            String clientId = environment.getProperty("spring.application.name", "application") + "-metrics";
            return new ConsumerLagMetrics(() -> {
                Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
                config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
                return Admin.create(config);
            }, () -> topicsByGroup(listeners), properties.metrics().timeout());
        }

        /** The group of every listener container with its topics (a container on a topic pattern adds none). */
        static Map<String, Set<String>> topicsByGroup(ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
            Map<String, Set<String>> groups = new HashMap<>();
            listeners.ifAvailable(registry -> {
                for (MessageListenerContainer container : registry.getListenerContainers()) {
                    String group = container.getGroupId();
                    if (group == null) {
                        continue;
                    }
                    Set<String> topics = groups.computeIfAbsent(group, g -> new HashSet<>());
                    String[] named = container.getContainerProperties().getTopics();
                    if (named != null) {
                        topics.addAll(List.of(named));
                    }
                }
            });
            return groups;
        }
    }

    @Bean
    @ConditionalOnMissingBean
    MetricsPoller messagingMetricsPoller(ObjectProvider<PolledMeters> meters, MessagingProperties properties) {
        return new MetricsPoller(meters.orderedStream().toList(), properties.metrics().pollInterval());
    }
}
