package ru.promtour.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import ru.promtour.messaging.errors.DeadLetterEndpoint;
import ru.promtour.messaging.outbox.OutboxRelay;

class MessagingAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
                    MessagingKafkaAutoConfiguration.class, MessagingMongoAutoConfiguration.class));

    @Test
    void defaultsAreBound() {
        runner.run(context -> {
            MessagingProperties properties = context.getBean(MessagingProperties.class);
            assertThat(properties.source()).isNull();
            assertThat(properties.outbox().relayInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.outbox().staleAfter()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.outbox().collections()).isEmpty();
            assertThat(properties.consumer().processedEventTtl()).isEqualTo(Duration.ofDays(14));
            assertThat(properties.consumer().cloudEvents()).isTrue();
            assertThat(properties.retry().initialInterval()).isEqualTo(Duration.ofMillis(200));
            assertThat(properties.retry().multiplier()).isEqualTo(2.0);
            assertThat(properties.retry().maxAttempts()).isEqualTo(3);
            assertThat(properties.retry().maxInterval()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void bootsKafkaBeansGetThePlatformDefaultsAndBootStillCreatesItsOwnTemplate() {
        runner.run(context -> {
            DefaultKafkaProducerFactory<?, ?> producers = context.getBean(DefaultKafkaProducerFactory.class);
            assertThat(producers.getConfigurationProperties())
                    .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                    .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            DefaultKafkaConsumerFactory<?, ?> consumers = context.getBean(DefaultKafkaConsumerFactory.class);
            assertThat(consumers.getConfigurationProperties())
                    .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                    .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            assertThat(consumers.getValueDeserializer()).isInstanceOf(ErrorHandlingDeserializer.class);
            assertThat(context.getBean(CommonErrorHandler.class)).isInstanceOf(DefaultErrorHandler.class);
            assertThat(context).hasSingleBean(KafkaTemplate.class);
            // no MongoOperations in this context → no relay
            assertThat(context).doesNotHaveBean(OutboxRelay.class);
        });
    }

    @Test
    void explicitConsumerSettingsWinAndTheDeserializerCanBeSwitchedOff() {
        runner.withPropertyValues("spring.kafka.consumer.auto-offset-reset=latest",
                        "platform.messaging.consumer.cloud-events=false")
                .run(context -> {
                    DefaultKafkaConsumerFactory<?, ?> consumers = context.getBean(DefaultKafkaConsumerFactory.class);
                    assertThat(consumers.getConfigurationProperties())
                            .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
                    assertThat(consumers.getValueDeserializer()).isNull();
                });
    }

    @Test
    void theDeadLettersEndpointExistsOnlyWhereTheServiceExposesIt() {
        ApplicationContextRunner withEndpoint = runner.withConfiguration(
                AutoConfigurations.of(DeadLetterEndpointAutoConfiguration.class));
        withEndpoint.run(context -> assertThat(context).doesNotHaveBean(DeadLetterEndpoint.class));
        withEndpoint.withPropertyValues("management.endpoints.web.exposure.include=health,deadletters")
                .run(context -> assertThat(context).hasSingleBean(DeadLetterEndpoint.class));
    }
}
