package ru.promtour.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxTracingTest {

    @Test
    void aTraceparentIsWrittenAndReadInTheW3cShape() {
        String traceparent = OutboxTracing.traceparent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true);
        assertThat(traceparent).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(OutboxTracing.traceId(traceparent)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(OutboxTracing.traceparent("a3ce929d0e0e4736", "00f067aa0ba902b7", false))
                .as("a 64-bit trace id is padded to 128 bits").isEqualTo("00-0000000000000000a3ce929d0e0e4736-00f067aa0ba902b7-00");
    }

    @Test
    void somethingThatIsNotATraceparentHasNoTraceId() {
        assertThat(OutboxTracing.traceId(null)).isNull();
        assertThat(OutboxTracing.traceId("00-XYZ-00f067aa0ba902b7-01")).isNull();
        assertThat(OutboxTracing.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7")).isNull();
        assertThat(OutboxTracing.traceparent(null, "00f067aa0ba902b7", true)).isNull();
        assertThat(OutboxTracing.traceparent("", "", true)).isNull();
    }

    @Test
    void aFailingSourceNeverBreaksTheWriteThatMakesAnEvent() {
        java.util.function.Supplier<String> failing = () -> {
            throw new IllegalStateException("tracer gone");
        };
        OutboxTracing.install(failing);
        try {
            assertThat(OutboxTracing.currentTraceparent()).as("never throws into a write").isNull();
        }
        finally {
            OutboxTracing.uninstall(failing);
        }
    }
}
