package ru.promtour.messaging.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    @Test
    void writesEveryBinaryModeHeaderAndReadsThemBack() {
        Instant time = Instant.parse("2026-11-23T09:38:31.123Z");
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(headers, new CloudEventAttributes("id-1", "booking.BookingConfirmed.v1",
                "/booking-service", time, "booking-7"));

        assertThat(value(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(value(headers, "ce_id")).isEqualTo("id-1");
        assertThat(value(headers, "ce_type")).isEqualTo("booking.BookingConfirmed.v1");
        assertThat(value(headers, "ce_source")).isEqualTo("/booking-service");
        assertThat(value(headers, "ce_time")).isEqualTo("2026-11-23T09:38:31.123Z");
        assertThat(value(headers, "ce_subject")).isEqualTo("booking-7");
        assertThat(value(headers, "content-type")).isEqualTo("application/json");

        assertThat(CloudEventHeaders.id(headers)).isEqualTo("id-1");
        assertThat(CloudEventHeaders.type(headers)).isEqualTo("booking.BookingConfirmed.v1");
        assertThat(CloudEventHeaders.read(headers)).isEqualTo(new CloudEventAttributes("id-1",
                "booking.BookingConfirmed.v1", "/booking-service", time, "booking-7"));
    }

    @Test
    void rewritingReplacesInsteadOfDuplicating() {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(headers, new CloudEventAttributes("a", "t", "/s", Instant.EPOCH, null));
        CloudEventHeaders.write(headers, new CloudEventAttributes("b", "t", "/s", Instant.EPOCH, null));
        assertThat(headers.headers("ce_id")).hasSize(1);
        assertThat(CloudEventHeaders.id(headers)).isEqualTo("b");
        assertThat(CloudEventHeaders.subject(headers)).isNull();
    }

    @Test
    void readsTimesWithAnOffsetAndToleratesMissingHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_time", "2026-11-23T12:38:31+03:00".getBytes(StandardCharsets.UTF_8));
        assertThat(CloudEventHeaders.time(headers)).isEqualTo(Instant.parse("2026-11-23T09:38:31Z"));
        assertThat(CloudEventHeaders.id(headers)).isNull();
        assertThat(CloudEventHeaders.read(headers)).isNull();
        assertThat(CloudEventHeaders.id(null)).isNull();
    }

    private static String value(RecordHeaders headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
