package ru.promtour.messaging.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import ru.promtour.messaging.consumer.IdempotentConsumer;
import ru.promtour.messaging.health.KafkaHealthIndicator;

@MessagingIT
class InfrastructureIT {

    @Autowired
    MongoOperations mongo;
    @Autowired
    KafkaHealthIndicator kafkaHealthIndicator;
    @Autowired
    HealthEndpoint healthEndpoint;
    @Autowired
    CommonErrorHandler errorHandler;

    @Test
    void processedEventsHasATtlIndexOnProcessedAt() {
        IndexInfo ttl = mongo.indexOps(IdempotentConsumer.COLLECTION).getIndexInfo().stream()
                .filter(i -> IdempotentConsumer.TTL_INDEX.equals(i.getName()))
                .findFirst().orElseThrow();
        assertThat(ttl.getIndexFields()).extracting(f -> f.getKey()).containsExactly("processedAt");
        assertThat(ttl.getExpireAfter()).contains(Duration.ofDays(14));
    }

    @Test
    void kafkaIndicatorIsUpWithClusterIdAndNodes() {
        Health health = kafkaHealthIndicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
    }

    @Test
    void kafkaIsAComponentOfTheActuatorHealthEndpoint() {
        IndicatedHealthDescriptor kafka = (IndicatedHealthDescriptor) healthEndpoint.healthForPath("kafka");
        assertThat(kafka.getStatus()).isEqualTo(Status.UP);
        assertThat(kafka.getDetails()).containsKey("clusterId");
    }

    @Test
    void listenerContainersUseThePlatformErrorHandler() {
        assertThat(errorHandler).isInstanceOf(DefaultErrorHandler.class);
    }
}
