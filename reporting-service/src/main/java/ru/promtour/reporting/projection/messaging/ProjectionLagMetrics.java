package ru.promtour.reporting.projection.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import ru.promtour.messaging.config.MessagingProperties;
import ru.promtour.messaging.metrics.ConsumerLagMetrics;

/**
 * {@code kafka_consumer_group_lag} and {@code dlt_records} for the projection's groups: platform-messaging finds a
 * service's groups in its {@code @KafkaListener} registry, which the projection's containers (one per generation,
 * made at run time) are not in; this one asks {@link ProjectionContainers} which generations it feeds now, so a
 * rebuild's progress shows as the lag of {@code reporting-service.g<N+1>}.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionLagMetrics {

    @Bean
    ConsumerLagMetrics consumerLagMetrics(KafkaAdmin kafkaAdmin, MessagingProperties properties,
                                          ProjectionContainers containers) {
        return new ConsumerLagMetrics(() -> {
            Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-service-metrics");
            return Admin.create(config);
        }, () -> {
            Map<String, Set<String>> groups = new HashMap<>();
            containers.feeding().forEach(generation ->
                    groups.put(containers.group(generation), Set.copyOf(ProjectionContainers.TOPICS)));
            return groups;
        }, properties.metrics().timeout());
    }
}
