package ru.promtour.messaging.cloudevents;

import java.util.Objects;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a CloudEvents binary-mode record into the consumer's own event class, chosen by the
 * {@code ce_type} header through {@link EventTypes}.
 * <ul>
 *   <li>known type → the registered class, read from the JSON body with Jackson 3;</li>
 *   <li>a type this service does not register, from a producer it reads ({@link EventTypes#isFromKnownProducer}) →
 *       {@link UnknownEvent} (the consumer ignores it: a type it has no use for, or one its producer added since);</li>
 *   <li>a type from nobody it reads (poison: a stray or forged record) → {@link SerializationException};</li>
 *   <li>no {@code ce_type}, no body, or malformed JSON → {@link SerializationException}.</li>
 * </ul>
 * Throwing is right only behind Spring Kafka's {@code ErrorHandlingDeserializer} (the
 * auto-configuration wraps it so), which turns the failure into a record the error handler sends to
 * the dead-letter topic instead of failing every poll of the partition.
 */
public class CloudEventDeserializer implements Deserializer<Object> {

    private final EventTypes types;
    private final JsonMapper jsonMapper;

    public CloudEventDeserializer(EventTypes types, JsonMapper jsonMapper) {
        this.types = Objects.requireNonNull(types, "types");
        this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        throw new SerializationException("CloudEvents binary mode needs the record headers (topic " + topic + ")");
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        String type = CloudEventHeaders.type(headers);
        if (type == null || type.isBlank()) {
            throw new SerializationException("Record on " + topic + " has no " + CloudEventHeaders.TYPE + " header");
        }
        Class<?> eventClass = types.classFor(type);
        if (eventClass == null) {
            if (!types.isFromKnownProducer(type)) {
                throw new SerializationException("Record on " + topic + " has type " + type + ", which no producer this "
                        + "service reads from publishes (known: " + types.asMap().keySet() + ")");
            }
            return new UnknownEvent(type, CloudEventHeaders.id(headers));
        }
        if (data == null) {
            throw new SerializationException("Record of type " + type + " on " + topic + " has no body");
        }
        try {
            return jsonMapper.readValue(data, eventClass);
        }
        catch (JacksonException ex) {
            throw new SerializationException("Cannot read " + type + " (ce_id " + CloudEventHeaders.id(headers)
                    + ") on " + topic + " as " + eventClass.getName() + ": " + ex.getOriginalMessage(), ex);
        }
    }
}
