package ru.promtour.messaging.config;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's own producers, derived from the service's producer configuration (bootstrap servers,
 * security, client settings) with fixed serializers and the delivery guarantees forced on:
 * idempotent, {@code acks=all}, not transactional.
 * <p>
 * They are deliberately not beans: a {@code ProducerFactory} or {@code KafkaTemplate} bean would make
 * Boot back off from creating the service's own. This holder closes them on shutdown.
 */
public class MessagingProducerFactories implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, String> strings;
    private final DefaultKafkaProducerFactory<String, byte[]> bytes;
    private final DefaultKafkaProducerFactory<String, Object> json;

    private final ObservationRegistry observations;

    public MessagingProducerFactories(ProducerFactory<?, ?> base, JsonMapper jsonMapper) {
        this(base, jsonMapper, ObservationRegistry.NOOP);
    }

    /**
     * @param observations where send observations go: with tracing on the class path, the trace context
     *                     of the request that caused an event travels with it in the record headers
     */
    public MessagingProducerFactories(ProducerFactory<?, ?> base, JsonMapper jsonMapper, ObservationRegistry observations) {
        this.observations = observations;
        Map<String, Object> config = reliable(base.getConfigurationProperties());
        this.strings = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer(), false);
        this.bytes = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer(), false);
        Serializer<Object> jsonSerializer = new JacksonJsonSerializer<>(jsonMapper).noTypeInfo();
        this.json = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), jsonSerializer, false);
    }

    /** Producer settings with the guarantees the outbox relies on. */
    static Map<String, Object> reliable(Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // The relay waits for each ack before the next event (per-aggregate order), so batching cannot help it:
        // Kafka 4's default linger of 5 ms would only add 5 ms to every event of the fast path.
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }

    /** String key, String value: the outbox relay (the stored JSON text goes out as is). */
    public KafkaTemplate<String, String> stringTemplate() {
        return observed(new KafkaTemplate<>(strings));
    }

    /** String key, raw bytes: dead letters of records that failed deserialization. */
    public KafkaTemplate<String, byte[]> bytesTemplate() {
        return observed(new KafkaTemplate<>(bytes));
    }

    /** String key, any object as JSON: dead letters of records whose handler failed. */
    public KafkaTemplate<String, Object> jsonTemplate() {
        return observed(new KafkaTemplate<>(json));
    }

    private <V> KafkaTemplate<String, V> observed(KafkaTemplate<String, V> template) {
        template.setObservationEnabled(true);
        template.setObservationRegistry(observations);
        return template;
    }

    @Override
    public void destroy() {
        strings.destroy();
        bytes.destroy();
        json.destroy();
    }
}
