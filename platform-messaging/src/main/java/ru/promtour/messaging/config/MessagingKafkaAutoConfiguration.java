package ru.promtour.messaging.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import ru.promtour.messaging.cloudevents.CloudEventDeserializer;
import ru.promtour.messaging.cloudevents.EventTypes;
import ru.promtour.messaging.errors.DeadLetters;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka side of the backbone, applied to Boot's own Kafka beans so services keep using
 * {@code @KafkaListener} and Boot's container factory as usual:
 * <ul>
 *   <li>producer: idempotent, {@code acks=all};</li>
 *   <li>consumer: {@code auto-offset-reset=earliest}, {@code enable-auto-commit=false} unless the
 *       service sets them, and the value deserializer
 *       {@code ErrorHandlingDeserializer(CloudEventDeserializer)} over the merged {@link EventTypes}
 *       beans (off with {@code platform.messaging.consumer.cloud-events=false});</li>
 *   <li>a {@link CommonErrorHandler} (Boot's container factory picks it up): exponential retry, then
 *       {@code <topic>-dlt}.</li>
 * </ul>
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingKafkaAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer platformMessagingProducerCustomizer() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer platformMessagingConsumerCustomizer(MessagingProperties properties,
            ObjectProvider<EventTypes> eventTypes, ObjectProvider<JsonMapper> jsonMapper) {
        return factory -> {
            Map<String, Object> current = factory.getConfigurationProperties();
            Map<String, Object> defaults = new HashMap<>();
            if (!current.containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
                defaults.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            }
            if (!current.containsKey(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)) {
                defaults.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            }
            if (!defaults.isEmpty()) {
                factory.updateConfigs(defaults);
            }
            if (properties.consumer().cloudEvents()) {
                // merged once, now: two registries claiming one type fail the start, not the first poll
                EventTypes types = EventTypes.merge(eventTypes.orderedStream().toList());
                JsonMapper mapper = mapper(jsonMapper);
                @SuppressWarnings("unchecked")
                DefaultKafkaConsumerFactory<Object, Object> objects = (DefaultKafkaConsumerFactory<Object, Object>) factory;
                objects.setValueDeserializerSupplier(
                        () -> new ErrorHandlingDeserializer<>(new CloudEventDeserializer(types, mapper)));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingProducerFactories messagingProducerFactories(ProducerFactory<?, ?> producerFactory,
            ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<ObservationRegistry> observations) {
        return new MessagingProducerFactories(producerFactory, mapper(jsonMapper),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler platformMessagingErrorHandler(MessagingProducerFactories producers,
            MessagingProperties properties) {
        MessagingProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries backOff =
                new ExponentialBackOffWithMaxRetries(Math.max(0, retry.maxAttempts() - 1));
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return DeadLetters.errorHandler(DeadLetters.recoverer(producers.bytesTemplate(),
                producers.stringTemplate(), producers.jsonTemplate()), backOff);
    }

    static JsonMapper mapper(ObjectProvider<JsonMapper> jsonMapper) {
        return jsonMapper.getIfAvailable(JsonMapper::shared);
    }
}
