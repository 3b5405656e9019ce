package ru.promtour.logging.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A log call through Boot's ECS encoder, with the customizer Boot finds in {@code spring.factories}. */
class MaskingJsonMembersCustomizerTest {

    private final LoggerContext context = new LoggerContext();
    private final StructuredLogEncoder encoder = new StructuredLogEncoder();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void startEncoder() {
        context.putObject(Environment.class.getName(), new MockEnvironment().withProperty("spring.application.name", "booking-service"));
        context.setMDCAdapter(new LogbackMDCAdapter());
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
    }

    @Test
    void aLineIsEcsJsonWithTheIdsAsFieldsAndThePersonalDataMasked() {
        LoggingEvent event = event("Booking {} confirmed for {} / {}", null,
                "PT-TYGXCZ", "m.ivanova@school42.example", "+7 (902) 123-45-34");
        event.setMDCPropertyMap(Map.of(
                "traceId", "0af7651916cd43dd8448eb211c80319c", "spanId", "b7ad6b7169203331",
                "request.id", "req-42", "tenant.id", "op-kaluga", "booking.id", "PT-TYGXCZ"));

        JsonNode line = write(event);

        assertThat(line.path("@timestamp").asString()).isNotBlank();
        assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(line.path("message").asString())
            .isEqualTo("Booking PT-TYGXCZ confirmed for m***@school42.example / +7902*****34");
        assertThat(line.path("trace").path("id").asString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(line.path("span").path("id").asString()).isEqualTo("b7ad6b7169203331");
        assertThat(line.path("request").path("id").asString()).isEqualTo("req-42");
        assertThat(line.path("tenant").path("id").asString()).isEqualTo("op-kaluga");
        assertThat(line.path("booking").path("id").asString()).isEqualTo("PT-TYGXCZ");
        assertThat(line.has("traceId")).as("the tracer's own key is written as trace.id only").isFalse();
        assertThat(line.has("spanId")).isFalse();
        assertThat(line.path("service").path("name").asString()).isEqualTo("booking-service");
    }

    @Test
    void theExceptionMessageAndStackTraceAreMaskedToo() {
        LoggingEvent event = event("Send failed", new IllegalStateException("mailbox m.ivanova@school42.example refused"));

        JsonNode line = write(event);

        assertThat(line.path("error").path("message").asString()).isEqualTo("mailbox m***@school42.example refused");
        assertThat(line.path("error").path("stack_trace").asString())
            .contains("m***@school42.example")
            .doesNotContain("m.ivanova@");
    }

    @Test
    void aLineOutsideATraceHasNoTraceFields() {
        JsonNode line = write(event("Started", null));

        assertThat(line.has("trace")).isFalse();
        assertThat(line.has("span")).isFalse();
        assertThat(line.path("message").asString()).isEqualTo("Started");
    }

    private LoggingEvent event(String message, Throwable error, Object... arguments) {
        return new LoggingEvent(getClass().getName(), context.getLogger("ru.promtour.test"), Level.INFO, message, error, arguments);
    }

    private JsonNode write(LoggingEvent event) {
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").doesNotContain("m.ivanova").doesNotContain("123-45-34");
        return json.readTree(line);
    }
}
