package ru.promtour.messaging.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import ru.promtour.messaging.errors.DeadLetterEndpoint;

/**
 * The {@code deadletters} actuator endpoint ({@link DeadLetterEndpoint}) when actuator is on the class path and the
 * service exposes the endpoint ({@code management.endpoints.web.exposure.include}); platform-security lets only the
 * ADMIN call it, on the management port.
 */
@AutoConfiguration(after = MessagingKafkaAutoConfiguration.class,
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnAvailableEndpoint(DeadLetterEndpoint.class)
@ConditionalOnBean({MessagingProducerFactories.class, KafkaAdmin.class, ConsumerFactory.class})
public class DeadLetterEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetterEndpoint deadLetterEndpoint(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin,
                                          ConsumerFactory<?, ?> consumerFactory, MessagingProducerFactories producers) {
        Map<String, Object> consumer = new HashMap<>(consumerFactory.getConfigurationProperties());
        // no group: the replay assigns and seeks, and commits nothing
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        consumer.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        consumer.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        return new DeadLetterEndpoint(listeners,
                () -> Admin.create(kafkaAdmin.getConfigurationProperties()),
                () -> new KafkaConsumer<>(consumer, new StringDeserializer(),
                        new ByteArrayDeserializer()),
                producers.bytesTemplate());
    }
}
