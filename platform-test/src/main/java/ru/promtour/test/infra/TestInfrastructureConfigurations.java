package ru.promtour.test.infra;

import java.util.List;

import com.mongodb.ConnectionString;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The per-mode connection configurations that {@link TestInfrastructureSelector} chooses from. */
final class TestInfrastructureConfigurations {

    private TestInfrastructureConfigurations() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class KafkaContainerConnection {

        // destroyMethod "": the container is shared by every context of the JVM and outlives each one
        @Bean(destroyMethod = "")
        @ServiceConnection
        KafkaContainer kafkaContainer() {
            return TestInfrastructure.get().kafkaContainer();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MongoContainerConnection {

        @Bean(destroyMethod = "")
        @ServiceConnection
        MongoDBContainer mongoContainer() {
            return TestInfrastructure.get().mongoContainer();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class KafkaConnection {

        @Bean
        KafkaConnectionDetails kafkaConnectionDetails() {
            List<String> servers = List.of(TestInfrastructure.get().kafkaBootstrapServers().split(","));
            return () -> servers;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MongoConnection {

        @Bean
        MongoConnectionDetails mongoConnectionDetails() {
            ConnectionString connectionString = new ConnectionString(TestInfrastructure.get().mongoUri());
            return () -> connectionString;
        }
    }
}
