package ru.promtour.messaging.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;
import tools.jackson.databind.json.JsonMapper;

class CloudEventDeserializerTest {

    record SeatsHeld(String slotId, int seats, LocalDate day) {
    }

    private final EventTypes types = EventTypes.builder().add("catalog.SeatsHeld.v1", SeatsHeld.class).build();
    private final CloudEventDeserializer deserializer = new CloudEventDeserializer(types, JsonMapper.shared());

    @Test
    void knownTypeBecomesTheRegisteredRecord() {
        Object event = deserializer.deserialize("t", headers("catalog.SeatsHeld.v1"),
                bytes("{\"slotId\":\"s1\",\"seats\":3,\"day\":\"2026-12-01\",\"extra\":true}"));
        assertThat(event).isEqualTo(new SeatsHeld("s1", 3, LocalDate.of(2026, 12, 1)));
    }

    @Test
    void unknownTypeBecomesUnknownEvent() {
        assertThat(deserializer.deserialize("t", headers("catalog.SlotCancelled.v1"), bytes("{}")))
                .isEqualTo(new UnknownEvent("catalog.SlotCancelled.v1", "id-1"));
    }

    @Test
    void aTypeFromNoProducerThisServiceReadsIsPoison() {
        assertThatThrownBy(() -> deserializer.deserialize("t", headers("faults.NoSuchEvent.v1"), bytes("{}")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("faults.NoSuchEvent.v1");
        assertThatThrownBy(() -> deserializer.deserialize("t", headers("SeatsHeld"), bytes("{}")))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void missingTypeMalformedJsonOrNoBodyThrow() {
        assertThatThrownBy(() -> deserializer.deserialize("t", new RecordHeaders(), bytes("{}")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("ce_type");
        assertThatThrownBy(() -> deserializer.deserialize("t", headers("catalog.SeatsHeld.v1"), bytes("{oops")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("catalog.SeatsHeld.v1");
        assertThatThrownBy(() -> deserializer.deserialize("t", headers("catalog.SeatsHeld.v1"), (byte[]) null))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> deserializer.deserialize("t", bytes("{}")))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void behindErrorHandlingDeserializerAFailureBecomesAHeaderNotAnException() {
        try (ErrorHandlingDeserializer<Object> safe = new ErrorHandlingDeserializer<>(deserializer)) {
            RecordHeaders headers = headers("catalog.SeatsHeld.v1");
            assertThat(safe.deserialize("t", headers, bytes("{oops"))).isNull();
            // the failure travels in a header the container hands to the error handler (and the DLT recoverer)
            Header failureHeader = StreamSupport.stream(headers.spliterator(), false)
                    .filter(h -> !h.key().startsWith("ce_") && !h.key().equals("content-type"))
                    .findFirst().orElseThrow();
            DeserializationException failure = SerializationUtils.byteArrayToDeserializationException(null, failureHeader);
            assertThat(failure).isNotNull();
            assertThat(failure.getData()).isEqualTo(bytes("{oops"));
        }
    }

    private static RecordHeaders headers(String type) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(headers, new CloudEventAttributes("id-1", type, "/catalog-service", Instant.now(), "s1"));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
